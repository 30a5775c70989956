// Corpus: blocking socket calls under a lock or in a thread-pool callback loop (SOCK303).
// Configured hot paths (socket_analyzers.hot_path_attributes) are covered by the unit tests, which set the key.
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.HotPath.HotPaths
{
    public sealed class Connection
    {
        private readonly object gate = new object();
        private readonly Socket socket;

        public Connection(Socket socket) => this.socket = socket;

        public void SendLocked(byte[] frame)
        {
            lock (this.gate)
            {
                this.socket.Send(frame); // expect: SOCK303
            }
        }

        public void SendWithMonitor(byte[] frame)
        {
            var taken = false;
            try
            {
                Monitor.Enter(this.gate, ref taken);
                this.socket.Send(frame); // expect: SOCK303
            }
            finally
            {
                if (taken)
                {
                    Monitor.Exit(this.gate);
                }
            }
        }

        public void StartPump(byte[] buffer)
        {
            Task.Run(() =>
            {
                while (true)
                {
                    if (this.socket.Receive(buffer) == 0) // expect: SOCK303
                    {
                        return;
                    }
                }
            });

            ThreadPool.QueueUserWorkItem(_ =>
            {
                int n;
                while ((n = this.socket.Receive(buffer)) > 0) // expect: SOCK303
                {
                    buffer[0] = (byte)n;
                }
            });
        }
    }

    public sealed class Silent
    {
        private readonly object gate = new object();

        public void PrepareUnderLock(Socket socket, byte[] frame)
        {
            byte[] copy;
            lock (this.gate)
            {
                copy = (byte[])frame.Clone();
            }

            socket.Send(copy);
        }

        public void OneShotCallback(Socket socket, byte[] frame) =>
            Task.Run(() => socket.Send(frame)); // one send, no receive loop

        public void FileUnderLock(string path)
        {
            lock (this.gate)
            {
                File.AppendAllText(path, "x"); // socket-unrelated
            }
        }
    }
}
