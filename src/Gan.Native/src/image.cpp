// Image codecs and resizing through OpenCV. OpenCV works in BGR order; every function here speaks RGB(A) at the ABI
// and converts at the edge.
#include <opencv2/core.hpp>
#include <opencv2/core/utility.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdlib>
#include <cstring>

#include "common.h"

namespace {

struct image_format_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// cv::Exception derives from std::exception; catching it first keeps OpenCV's own short message (e.err) and maps
// codec failures to GAN_ERROR_IMAGE_FORMAT instead of a generic error.
#define GAN_IMAGE_CATCH                                                                                \
    return GAN_OK;                                                                                     \
    }                                                                                                  \
    catch (const image_format_error& e) { return gan::fail(GAN_ERROR_IMAGE_FORMAT, e.what()); }        \
    catch (const cv::Exception& e) { return gan::fail(GAN_ERROR_IMAGE_FORMAT, ("OpenCV: " + e.err).c_str()); } \
    catch (const gan::argument_error& e) { return gan::fail(GAN_ERROR_ARGUMENT, e.what()); }           \
    catch (const std::bad_alloc&) { return gan::fail(GAN_ERROR_OUT_OF_MEMORY, "out of memory"); }      \
    catch (const std::exception& e) { return gan::fail(GAN_ERROR, e.what()); }                         \
    catch (...) { return gan::fail(GAN_ERROR, "unknown native exception"); }

void check_geometry(int32_t width, int32_t height, int32_t channels) {
    if (width < 1 || height < 1)
        throw gan::argument_error("image size must be positive, got " + std::to_string(width) + "x" +
                                  std::to_string(height));
    if (channels != 1 && channels != 3 && channels != 4)
        throw gan::argument_error("channels must be 1, 3 or 4, got " + std::to_string(channels));
}

// A caller-owned copy of a continuous 8-bit Mat, allocated with malloc so gan_image_buffer_free can release it.
uint8_t* copy_out(const cv::Mat& m) {
    const size_t n = m.total() * m.elemSize();
    auto* p = static_cast<uint8_t*>(std::malloc(n));
    if (!p) throw std::bad_alloc();
    std::memcpy(p, m.data, n);
    return p;
}

// 16-bit samples map 0..65535 onto 0..255; float samples (TIFF) are taken as 0..1.
cv::Mat to_8bit(const cv::Mat& m) {
    switch (m.depth()) {
        case CV_8U: return m;
        case CV_8S: { cv::Mat r; m.convertTo(r, CV_8U, 1.0, 128.0); return r; }
        case CV_16U: { cv::Mat r; m.convertTo(r, CV_8U, 1.0 / 257.0); return r; }
        case CV_16S: { cv::Mat r; m.convertTo(r, CV_8U, 1.0 / 257.0, 128.0); return r; }
        case CV_32F:
        case CV_64F: { cv::Mat r; m.convertTo(r, CV_8U, 255.0); return r; }
        default: throw image_format_error("unsupported sample type in the decoded image");
    }
}

cv::Mat to_rgb_order(const cv::Mat& m) {
    cv::Mat r;
    switch (m.channels()) {
        case 1: return m.isContinuous() ? m : m.clone();
        case 2: {
            // Gray+alpha (OpenCV's PNG decoder expands it itself; TIFF does not): gray into R, G, B, alpha into A.
            r.create(m.size(), CV_8UC4);
            const int from_to[] = {0, 0, 0, 1, 0, 2, 1, 3};
            cv::mixChannels(&m, 1, &r, 1, from_to, 4);
            return r;
        }
        case 3: cv::cvtColor(m, r, cv::COLOR_BGR2RGB); return r;
        case 4: cv::cvtColor(m, r, cv::COLOR_BGRA2RGBA); return r;
        default: throw image_format_error("unsupported channel count " + std::to_string(m.channels()));
    }
}

cv::Mat from_rgb_order(const cv::Mat& m) {
    cv::Mat r;
    switch (m.channels()) {
        case 3: cv::cvtColor(m, r, cv::COLOR_RGB2BGR); return r;
        case 4: cv::cvtColor(m, r, cv::COLOR_RGBA2BGRA); return r;
        default: return m;
    }
}

}  // namespace

GAN_API void gan_image_buffer_free(void* buffer) { std::free(buffer); }

GAN_API const char* gan_opencv_version(void) { return CV_VERSION; }

GAN_API gan_status gan_image_decode(const uint8_t* data, int64_t size, uint8_t** pixels, int32_t* width,
                                    int32_t* height, int32_t* channels) {
    GAN_TRY
    if (!data || size <= 0) throw image_format_error("no bytes to decode");
    if (size > INT32_MAX) throw gan::argument_error("imdecode takes at most 2^31-1 bytes");
    const cv::Mat encoded(1, static_cast<int>(size), CV_8UC1, const_cast<uint8_t*>(data));
    const cv::Mat decoded = cv::imdecode(encoded, cv::IMREAD_UNCHANGED);
    // imdecode reports every failure the same way: an empty Mat.
    if (decoded.empty()) throw image_format_error("OpenCV could not decode the bytes as an image");
    const cv::Mat rgb = to_rgb_order(to_8bit(decoded));
    *pixels = copy_out(rgb);
    *width = rgb.cols;
    *height = rgb.rows;
    *channels = rgb.channels();
    GAN_IMAGE_CATCH
}

GAN_API gan_status gan_image_encode(const uint8_t* pixels, int32_t width, int32_t height, int32_t channels,
                                    int32_t format, int32_t quality, uint8_t** out, int64_t* size) {
    GAN_TRY
    check_geometry(width, height, channels);
    const char* extension;
    std::vector<int> params;
    switch (format) {
        case 0: extension = ".png"; params = {cv::IMWRITE_PNG_COMPRESSION, quality}; break;
        case 1: extension = ".jpg"; params = {cv::IMWRITE_JPEG_QUALITY, quality}; break;
        case 2: extension = ".bmp"; break;
        case 3: extension = ".webp"; params = {cv::IMWRITE_WEBP_QUALITY, quality}; break;
        case 4: extension = ".tiff"; break;
        default: throw gan::argument_error("unknown image format code " + std::to_string(format));
    }
    const cv::Mat rgb(height, width, CV_8UC(channels), const_cast<uint8_t*>(pixels));
    std::vector<uchar> encoded;
    if (!cv::imencode(extension, from_rgb_order(rgb), encoded, params))
        throw image_format_error(std::string("OpenCV could not encode the image as ") + (extension + 1));
    auto* p = static_cast<uint8_t*>(std::malloc(encoded.size()));
    if (!p) throw std::bad_alloc();
    std::memcpy(p, encoded.data(), encoded.size());
    *out = p;
    *size = static_cast<int64_t>(encoded.size());
    GAN_IMAGE_CATCH
}

GAN_API gan_status gan_image_resize(const uint8_t* src, int32_t width, int32_t height, int32_t channels,
                                    uint8_t* dst, int32_t dst_width, int32_t dst_height, int32_t method) {
    GAN_TRY
    check_geometry(width, height, channels);
    check_geometry(dst_width, dst_height, channels);
    int interpolation;
    switch (method) {
        case 0: interpolation = cv::INTER_NEAREST; break;
        case 1: interpolation = cv::INTER_LINEAR; break;
        case 2: interpolation = cv::INTER_CUBIC; break;
        case 3: interpolation = cv::INTER_AREA; break;
        default: throw gan::argument_error("unknown resize method code " + std::to_string(method));
    }
    const cv::Mat source(height, width, CV_8UC(channels), const_cast<uint8_t*>(src));
    cv::Mat target(dst_height, dst_width, CV_8UC(channels), dst);
    // Channel order does not matter to resize. cv::resize writes into target's buffer because size and type match.
    cv::resize(source, target, target.size(), 0, 0, interpolation);
    if (target.data != dst) throw std::runtime_error("cv::resize reallocated its destination");
    GAN_IMAGE_CATCH
}
