using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Protocol;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Rules.Performance
{
    /// <summary>
    /// Constructors that do network work before they return: <c>new TcpClient(host, port)</c> resolves the name and
    /// connects; <c>new UdpClient(host, port)</c> resolves the name (a UDP connect only records the peer).
    /// </summary>
    internal static class ConnectingConstructors
    {
        /// <summary>The blocking call a creation is, or null: the (string, int) constructors of TcpClient and UdpClient.</summary>
        public static BlockingCall? Find(IObjectCreationOperation creation, KnownSocketSymbols symbols)
        {
            if (creation.Constructor is not { Parameters.Length: 2 } constructor
                || constructor.Parameters[0].Type.SpecialType != SpecialType.System_String
                || constructor.Parameters[1].Type.SpecialType != SpecialType.System_Int32
                || !symbols.TryGetApi(creation.Type, out var api))
            {
                return null;
            }

            return api switch
            {
                SocketApi.TcpClient => new BlockingCall("new TcpClient(host, port)", "ConnectAsync", SocketOperation.Connect, isNameLookup: false),
                SocketApi.UdpClient => new BlockingCall("new UdpClient(host, port)", "Dns.GetHostAddressesAsync", SocketOperation.Connect, isNameLookup: false),
                _ => null,
            };
        }
    }
}
