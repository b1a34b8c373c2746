// compila.dev: roda os testes C# do desafio, um registro por teste. Testes são os métodos públicos,
// estáticos, sem parâmetros e sem retorno das classes cujo nome termina em "Tests", na ordem em que
// aparecem; [System.ComponentModel.Description("...")] dá o nome que o aluno lê.
using System.Globalization;
using System.Reflection;
using System.Text;

public sealed class AssertionFailedException(string message) : Exception(message);

public static class Assert
{
    public static void Equal<T>(T expected, T actual, string? message = null)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
            throw new AssertionFailedException(Prefix(message) + $"esperado {Show(expected)}, obtido {Show(actual)}");
    }

    public static void SequenceEqual<T>(IEnumerable<T> expected, IEnumerable<T> actual, string? message = null)
    {
        if (!expected.SequenceEqual(actual))
            throw new AssertionFailedException(Prefix(message) + $"esperado {Show(expected)}, obtido {Show(actual)}");
    }

    public static void Fail(string message) => throw new AssertionFailedException(message);

    static string Prefix(string? message) => message is null ? "" : message + ": ";

    public static void True(bool condition, string? message = null)
    {
        if (!condition) throw new AssertionFailedException(message ?? "esperado true, obtido false");
    }

    public static void False(bool condition, string? message = null)
    {
        if (condition) throw new AssertionFailedException(message ?? "esperado false, obtido true");
    }

    public static TException Throws<TException>(Action action) where TException : Exception
    {
        try
        {
            action();
        }
        catch (TException e)
        {
            return e;
        }
        catch (Exception e)
        {
            throw new AssertionFailedException($"esperada {typeof(TException).Name}, lançada {e.GetType().Name}: {e.Message}");
        }
        throw new AssertionFailedException($"esperada {typeof(TException).Name}, nada foi lançado");
    }

    static string Show(object? o) => o switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        System.Collections.IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Select(Show)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => o.ToString() ?? "",
    };
}

static class CompilaNativeRunner
{
    static string Text(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            if (c == '"') sb.Append("\\\"");
            else if (c == '\\') sb.Append("\\\\");
            else if (c < 0x20 || c > 0x7e) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.Append('"').ToString();
    }

    static void Main()
    {
        var realOut = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true };
        var realErr = Console.Error;
        var tests = typeof(CompilaNativeRunner).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Tests", StringComparison.Ordinal))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m.GetParameters().Length == 0 && m.ReturnType == typeof(void))
                .OrderBy(m => m.MetadataToken));
        foreach (var method in tests)
        {
            var name = method.GetCustomAttribute<System.ComponentModel.DescriptionAttribute>()?.Description ?? method.Name;
            var capture = new StringWriter();
            Console.SetOut(capture);
            Console.SetError(capture);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            string status = "pass";
            string? error = null;
            try
            {
                method.Invoke(null, null);
            }
            catch (TargetInvocationException e) when (e.InnerException is AssertionFailedException a)
            {
                status = "fail";
                error = a.Message;
            }
            catch (TargetInvocationException e)
            {
                status = "error";
                var inner = e.InnerException ?? e;
                error = inner.GetType().Name + ": " + inner.Message;
            }
            finally
            {
                Console.SetOut(realOut);
                Console.SetError(realErr);
            }
            var rec = new StringBuilder("{\"name\":").Append(Text(name)).Append(",\"status\":\"").Append(status).Append('"')
                .Append(",\"ms\":").Append(watch.Elapsed.TotalMilliseconds.ToString("R", CultureInfo.InvariantCulture))
                .Append(",\"out\":").Append(Text(capture.ToString()));
            if (error is not null) rec.Append(",\"error\":").Append(Text(error));
            realOut.Write("\n@@COMPILA@@" + rec.Append('}') + "\n");
        }
    }
}
