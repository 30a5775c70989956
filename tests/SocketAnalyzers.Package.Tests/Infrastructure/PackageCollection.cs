namespace SocketAnalyzers.Package.Tests.Infrastructure
{
    /// <summary>
    /// Every end-to-end test class joins this collection, <c>[Collection(PackageCollection.Name)]</c>, and takes a
    /// <see cref="PackageFixture"/> in its constructor: the package is packed once, and the tests (which build with
    /// all cores) run one at a time.
    /// </summary>
    [CollectionDefinition(Name)]
    public sealed class PackageCollection : ICollectionFixture<PackageFixture>
    {
        public const string Name = "Package";
    }
}
