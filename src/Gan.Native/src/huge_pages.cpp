// Large CPU tensors in mappings of their own, on transparent huge pages: libtorch's CPU allocator replaced by one that
// gives each buffer of 2 MiB or more its own 2 MiB-aligned mapping, advised to the kernel as huge pages (madvise
// MADV_HUGEPAGE; PyTorch 2.1 later advised its large buffers the same way under THP_MEM_ALLOC_ENABLE), and unmaps it
// when freed. Two things follow. A fresh activation costs one page fault per 2 MiB instead of one per 4 KiB. And
// large buffers never enter malloc's heaps, so activations of ever-changing sizes (images of many sizes) cannot
// fragment them: what the process holds is what is alive. Smaller buffers go to libtorch's own allocator.
#include <c10/core/Allocator.h>
#include <c10/core/CPUAllocator.h>
#include <c10/core/impl/alloc_cpu.h>

#include <atomic>
#include <cstdint>
#include <mutex>
#include <new>
#include <unordered_map>

#include <sys/mman.h>

#include "common.h"

namespace {

constexpr size_t huge_page_bytes = size_t{2} << 20;

size_t round_up(size_t bytes, size_t unit) { return (bytes + unit - 1) / unit * unit; }

struct Mapping {
    void* base;
    size_t bytes;
};

// The mappings of live large buffers, by data address. One deleter must free every buffer (libtorch's raw_allocate
// users, ideep's among them, free through the allocator in place at that time), so it looks a buffer up here and
// gives whatever is not a mapping of ours to libtorch's free.
std::mutex mappings_lock;
std::unordered_map<void*, Mapping> mappings;

void free_buffer(void* data) {
    // Only huge-page-aligned addresses can be ours: most buffers skip the lookup.
    if (data != nullptr && reinterpret_cast<uintptr_t>(data) % huge_page_bytes == 0) {
        std::unique_lock<std::mutex> lock(mappings_lock);
        auto found = mappings.find(data);
        if (found != mappings.end()) {
            Mapping mapping = found->second;
            mappings.erase(found);
            lock.unlock();
            munmap(mapping.base, mapping.bytes);
            return;
        }
    }
    c10::free_cpu(data);
}

void* allocate_mapping(size_t bytes) {
    // One huge page of slack so that the data can start on a huge page boundary.
    const size_t data_bytes = round_up(bytes, huge_page_bytes), mapped = data_bytes + huge_page_bytes;
    void* base = mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (base == MAP_FAILED) throw std::bad_alloc();
    void* data = reinterpret_cast<void*>(round_up(reinterpret_cast<uintptr_t>(base), huge_page_bytes));
    // Advice only: where the kernel has huge pages off, or has none free, the buffer is on ordinary pages.
    madvise(data, data_bytes, MADV_HUGEPAGE);
    try {
        std::lock_guard<std::mutex> lock(mappings_lock);
        mappings.emplace(data, Mapping{base, mapped});
    } catch (...) {
        munmap(base, mapped);
        throw;
    }
    return data;
}

class HugePageCpuAllocator final : public c10::Allocator {
public:
    c10::DataPtr allocate(size_t bytes) const override {
        void* data = bytes < huge_page_bytes ? c10::alloc_cpu(bytes) : allocate_mapping(bytes);
        return {data, data, &free_buffer, c10::Device(c10::DeviceType::CPU)};
    }

    c10::DeleterFnPtr raw_deleter() const override { return &free_buffer; }
};

HugePageCpuAllocator huge_page_allocator;
std::once_flag installed;
std::atomic<bool> in_use{false};

}  // namespace

GAN_API int32_t gan_huge_page_tensors_enabled(void) { return in_use.load() ? 1 : 0; }

GAN_API gan_status gan_enable_huge_page_tensors(void) {
    GAN_TRY
    // One way: a buffer of ours freed through libtorch's own allocator (its raw users free through whichever is in
    // place) would go to free(), which does not own it. The other way round is safe: free_buffer hands it on.
    std::call_once(installed, [] {
        c10::SetCPUAllocator(&huge_page_allocator, /* above libtorch's own registration */ 1);
        in_use.store(true);
    });
    GAN_CATCH
}
