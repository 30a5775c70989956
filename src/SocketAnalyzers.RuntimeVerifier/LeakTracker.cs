using System;
using System.Net.Sockets;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.RuntimeVerifier
{
    /// <summary>
    /// A tracker with a finalizer: when its object becomes unreachable without Close or Dispose, it reports a leak.
    /// A Socket (and a TcpClient or UdpClient) has a finalizer of its own that marks it disposed, and in the same
    /// collection it may run first, making the leak look like a disposal. So their finalizers are suppressed while
    /// the object is watched and re-registered here, after the check; the socket's SafeSocketHandle still closes the
    /// descriptor on its own (a critical finalizer, which runs after ordinary ones).
    /// </summary>
    internal sealed class LeakTracker : SocketTracker
    {
        private object? suppressedTarget;
        private Socket? suppressedSocket;

        public LeakTracker(object target, SocketApi api, SocketStates states, CreationInfo creation, int historyLength)
            : base(target, api, states, creation, historyLength)
        {
            // Suppressing an object without a finalizer does nothing, so every watched object is covered.
            this.suppressedTarget = target;
            GC.SuppressFinalize(target);
            this.suppressedSocket = target switch
            {
                TcpClient client => client.Client,
                UdpClient client => client.Client,
                _ => null,
            };
            if (this.suppressedSocket is not null)
            {
                GC.SuppressFinalize(this.suppressedSocket);
            }
        }

        internal override void Discard()
        {
            this.Release(reRegister: true);
            GC.SuppressFinalize(this);
        }

        ~LeakTracker()
        {
            // The finalizer thread must never throw: a failure here would end the process.
            var open = true;
            try
            {
                open = this.States != SocketStates.Of(SocketState.Closed) && SocketObserver.IsOpen(this.Target);
                if (open)
                {
                    Reporter.ReportLeak(new SocketLeak(this.Api, this.Transport, this.States, this.Creation, this.History()));
                }
            }
            catch (Exception)
            {
                // Reporting is best effort; the program's behaviour comes first.
            }
            finally
            {
                // A disposed socket already suppressed its own finalizer; an open one gets it back.
                this.Release(reRegister: open);
            }
        }

        private void Release(bool reRegister)
        {
            if (this.suppressedTarget is { } target)
            {
                this.suppressedTarget = null;
                if (reRegister)
                {
                    GC.ReRegisterForFinalize(target);
                }
            }

            if (this.suppressedSocket is { } socket)
            {
                this.suppressedSocket = null;
                if (reRegister)
                {
                    GC.ReRegisterForFinalize(socket);
                }
            }
        }
    }
}
