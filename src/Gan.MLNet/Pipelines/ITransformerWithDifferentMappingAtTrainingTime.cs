namespace Gan.MLNet;

/// <summary>
/// A transformer whose output while a pipeline is being fitted differs from its output afterwards: the data passed
/// on to the estimators after it comes from <see cref="TransformForTrainingPipeline"/>, while
/// <see cref="ITransformer.Transform"/> is what scoring sees. This is how a step adds synthetic rows during training
/// only. (Public here; ML.NET keeps its equivalent internal.)
/// </summary>
public interface ITransformerWithDifferentMappingAtTrainingTime : ITransformer
{
    /// <summary>The data the estimators that follow this transformer are fitted on.</summary>
    /// <param name="input">The data reaching this transformer while the pipeline is fitted.</param>
    IDataView TransformForTrainingPipeline(IDataView input);
}
