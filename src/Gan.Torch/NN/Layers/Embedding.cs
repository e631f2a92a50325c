namespace Gan.Torch.NN;

/// <summary>
/// A learned lookup table of vectors, e.g. class embeddings of conditional GANs (PyTorch's <c>nn.Embedding</c>;
/// state key <c>weight</c>).
/// </summary>
public sealed class Embedding : Module<Tensor, Tensor>
{
    private readonly Parameter _weight;

    /// <summary>A table of <paramref name="numEmbeddings"/> vectors of size <paramref name="embeddingDim"/>, drawn from N(0, 1).</summary>
    public Embedding(long numEmbeddings, long embeddingDim)
    {
        DefaultInitialization.RequirePositive(numEmbeddings, nameof(numEmbeddings));
        DefaultInitialization.RequirePositive(embeddingDim, nameof(embeddingDim));
        NumEmbeddings = numEmbeddings;
        EmbeddingDim = embeddingDim;
        _weight = Parameter.Empty(numEmbeddings, embeddingDim);
        ResetParameters();
        RegisterComponents();
    }

    /// <summary>Rows of the table.</summary>
    public long NumEmbeddings { get; }

    /// <summary>Size of each vector.</summary>
    public long EmbeddingDim { get; }

    /// <summary>The table, shape (num_embeddings, embedding_dim).</summary>
    public Parameter Weight => _weight;

    /// <summary>Re-initialises the table from N(0, 1), as PyTorch does.</summary>
    public void ResetParameters(Generator? generator = null) => Init.Normal(_weight, 0, 1, generator);

    /// <summary>Int64 (or Int32) indices of any shape → their vectors, shape (*, embedding_dim).</summary>
    public override Tensor Forward(Tensor input) => Functional.Embedding(input, _weight);
}
