using System.Collections.Generic;
using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.Shapes;

/// <summary>Every kind of socket file the corpus holds, with the folder (and namespace) it goes in.</summary>
internal static class SocketShapes
{
    public static readonly IReadOnlyList<ShapeDefinition> All =
    [
        new("AsyncSocketServer", "Networking/Servers", ShapeDefinition.SocketUsings, AsyncSocketServerShape.Write),
        new("ThreadedSocketServer", "Networking/Servers", ShapeDefinition.SocketUsings, ThreadedSocketServerShape.Write),
        new("TcpListenerHost", "Networking/Hosting", ShapeDefinition.SocketUsings, TcpListenerHostShape.Write),
        new("BlockingTcpListenerHost", "Networking/Hosting", ShapeDefinition.SocketUsings, BlockingTcpListenerHostShape.Write),
        new("SocketClient", "Networking/Clients", ShapeDefinition.SocketUsings, SocketClientShape.Write),
        new("TcpClient", "Networking/Clients", ShapeDefinition.SocketUsings, TcpClientShape.Write),
        new("SocketFactory", "Networking/Infrastructure", ShapeDefinition.SocketUsings, SocketFactoryShape.Write),
        new("ConnectionWrapper", "Networking/Connections", ShapeDefinition.SocketUsings, ConnectionWrapperShape.Write),
        new("UdpDiscovery", "Networking/Discovery", ShapeDefinition.SocketUsings, UdpDiscoveryShape.Write),
        new("ConnectionPool", "Networking/Connections", ShapeDefinition.SocketUsings, ConnectionPoolShape.Write),
        new("StreamHandlers", "Networking/Handlers", ShapeDefinition.SocketUsings, StreamHandlersShape.Write),
    ];
}
