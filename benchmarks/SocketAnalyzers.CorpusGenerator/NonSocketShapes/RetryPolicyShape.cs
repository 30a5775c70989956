using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.NonSocketShapes;

/// <summary>
/// Resilience code: a retry policy with exception filters and jittered backoff, a circuit breaker (a small state
/// machine guarded by a lock), a custom exception type; then helpers.
/// </summary>
internal static class RetryPolicyShape
{
    public static string Write(ShapeContext c)
    {
        var w = c.Writer;
        var s = c.Suffix;
        var exception = $"{c.Names.Noun()}UnavailableException{s}";
        var name = $"{c.Pick("Retry", "Resilience", "Backoff")}Policy{s}";
        var breaker = $"CircuitBreaker{s}";
        var ct = c.Names.TokenParameter();

        w.Open($"public sealed class {exception} : Exception");
        w.Line($"public {exception}(string message, Exception? inner = null) : base(message, inner) {{ }}");
        w.Blank();
        w.Line("public int Attempts { get; init; }");
        w.Close();
        w.Blank();
        w.Open($"public sealed class {name}");
        w.Line($"private readonly Random _jitter = new({c.Next(1, 100000)});");
        w.Blank();
        w.Line($"public int MaxAttempts {{ get; init; }} = {c.Next(2, 8)};");
        w.Blank();
        w.Line($"public TimeSpan BaseDelay {{ get; init; }} = TimeSpan.FromMilliseconds({c.Pick(20, 50, 100, 200)});");
        w.Blank();
        w.Open($"public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken {ct} = default)");
        w.Line("Exception? last = null;");
        w.Open("for (var attempt = 1; attempt <= MaxAttempts; attempt++)");
        w.Open("try");
        w.Line($"return await action({ct}).ConfigureAwait(false);");
        w.Close();
        w.Open("catch (Exception ex) when (IsTransient(ex) && attempt < MaxAttempts)");
        w.Line("last = ex;");
        w.Line("var delay = BaseDelay * Math.Pow(2, attempt - 1) + TimeSpan.FromMilliseconds(_jitter.Next(0, 50));");
        w.Line($"await Task.Delay(delay, {ct}).ConfigureAwait(false);");
        w.Close();
        w.Close();
        w.Blank();
        w.Line($"throw new {exception}($\"Gave up after {{MaxAttempts}} attempts.\", last) {{ Attempts = MaxAttempts }};");
        w.Close();
        w.Blank();
        w.Line("private static bool IsTransient(Exception exception) => exception switch");
        w.Line("{");
        w.Line("    TimeoutException => true,");
        w.Line("    IOException => true,");
        w.Line("    AggregateException aggregate => aggregate.InnerExceptions.All(IsTransient),");
        w.Line("    _ => false,");
        w.Line("};");
        w.Close();
        w.Blank();
        w.Open($"public sealed class {breaker}");
        w.Line("private readonly object _gate = new();");
        w.Line("private int _failures;");
        w.Line("private DateTime _openedUtc;");
        w.Blank();
        w.Line($"public int Threshold {{ get; init; }} = {c.Next(3, 11)};");
        w.Blank();
        w.Line($"public TimeSpan OpenDuration {{ get; init; }} = TimeSpan.FromSeconds({c.Pick(5, 10, 30, 60)});");
        w.Blank();
        w.Open("public bool AllowRequest(DateTime nowUtc)");
        w.Open("lock (_gate)");
        w.Line("return _failures < Threshold || nowUtc - _openedUtc >= OpenDuration;");
        w.Close();
        w.Close();
        w.Blank();
        w.Open("public void Record(bool success, DateTime nowUtc)");
        w.Open("lock (_gate)");
        w.Open("if (success)");
        w.Line("_failures = 0;");
        w.Close();
        w.Open("else if (++_failures == Threshold)");
        w.Line("_openedUtc = nowUtc;");
        w.Close();
        w.Close();
        w.Close();
        w.Blank();
        HelperMembers.FillTo(c, c.LineBudget, "public static");
        w.Close();
        return name;
    }
}
