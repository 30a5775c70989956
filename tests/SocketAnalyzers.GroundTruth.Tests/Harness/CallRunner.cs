using System;
using System.Threading;
using System.Threading.Tasks;

namespace SocketAnalyzers.GroundTruth.Tests.Harness
{
    /// <summary>
    /// Runs one call with a deadline. A synchronous call runs on its own thread so that a hang is observed, not
    /// suffered; whatever is still pending at the deadline is ended when the scenario disposes its sockets.
    /// </summary>
    internal static class CallRunner
    {
        public static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

        public static Observation Run(CallVariant variant, object target, CallContext context, TimeSpan window)
        {
            switch (variant.Shape)
            {
                case CallShape.Sync:
                    var thread = Task.Factory.StartNew(() => variant.Sync!(target, context), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                    return Await(thread, window, "thrown");

                case CallShape.Task:
                    Task task;
                    try
                    {
                        task = variant.Async!(target, context);
                    }
                    catch (Exception exception)
                    {
                        return Observation.Threw(exception, "thrown synchronously by the async member");
                    }

                    return Await(task, window, "faulted task");

                default:
                    IAsyncResult result;
                    try
                    {
                        result = variant.Begin!(target, context);
                    }
                    catch (Exception exception)
                    {
                        return Observation.Threw(exception, "thrown by Begin");
                    }

                    if (!result.AsyncWaitHandle.WaitOne(window))
                    {
                        return Observation.Pending();
                    }

                    try
                    {
                        variant.End!(target, result);
                        return Observation.Completed();
                    }
                    catch (Exception exception)
                    {
                        return Observation.Threw(exception, "thrown by End");
                    }
            }
        }

        private static Observation Await(Task task, TimeSpan window, string how)
        {
            if (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(window))
            {
                return Observation.Pending();
            }

            return task.Exception is { } aggregate
                ? Observation.Threw(aggregate.InnerException ?? aggregate, how)
                : Observation.Completed();
        }
    }
}
