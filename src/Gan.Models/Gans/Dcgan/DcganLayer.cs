namespace Gan.Models.Gans.Dcgan;

/// <summary>
/// One layer of a DCGAN, as the generator's transposed convolution sees it (the discriminator's mirror convolution
/// has the same kernel, stride and padding, which maps the larger side back onto the smaller one).
/// </summary>
/// <param name="Kernel">Side of the square kernel.</param>
/// <param name="Stride">Stride (2 doubles the side in G and halves it in D).</param>
/// <param name="Padding">Padding on each side.</param>
/// <param name="WidthMultiplier">The feature maps the generator's layer outputs, as a multiple of the base width
/// (ngf or ndf); 0 for the last layer, whose output is the image.</param>
internal readonly record struct DcganLayer(int Kernel, int Stride, int Padding, int WidthMultiplier);
