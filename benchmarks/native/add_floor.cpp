// The floor under the per-op overhead figures: the same `a + b` on two float32 tensors of shape [4], called
// straight from C++ (each result heap-allocated and freed, as a gan_tensor is), timed like the other two sides.
// Whatever C# or Python pays above this number is the cost of its binding. Prints the peers' JSON report format
// (run-peer-comparison.sh builds and runs it):
//
//   g++ -O2 -std=c++17 benchmarks/native/add_floor.cpp -ltorch -ltorch_cpu -lc10 -o artifacts/add_floor
//   artifacts/add_floor [threads]
#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

int main(int argc, char** argv) {
    constexpr int warmup = 20000, iterations = 100000, repeats = 9;
    at::set_num_threads(argc > 1 ? std::atoi(argv[1]) : 1);
    const at::Tensor a = at::rand({4}), b = at::rand({4});
    auto run = [&](int n) {
        for (int i = 0; i < n; ++i) delete new at::Tensor(at::add(a, b));
    };
    run(warmup);
    std::vector<double> samples;
    for (int r = 0; r < repeats; ++r) {
        const auto start = std::chrono::steady_clock::now();
        run(iterations);
        const std::chrono::duration<double, std::nano> elapsed = std::chrono::steady_clock::now() - start;
        samples.push_back(elapsed.count() / iterations);
    }
    std::sort(samples.begin(), samples.end());
    std::printf("{\"runtime\": \"libtorch-cpp\", \"version\": \"libtorch C++\", \"threads\": %d, \"results\": "
                "[{\"name\": \"add\", \"unit\": \"ns/op\", \"median\": %.1f, \"min\": %.1f, \"max\": %.1f, "
                "\"iterations\": %d}]}\n",
                at::get_num_threads(), samples[repeats / 2], samples.front(), samples.back(), iterations);
}
