

// ---- compila.dev harness: (cenário) lê as chamadas de cada passo (nunca os valores esperados) ----
static class CompilaHarness
{
    sealed class SerializeException(string message) : global::System.Exception(message);

    static global::System.Collections.Generic.List<T> L<T>(global::System.Text.Json.JsonElement e, global::System.Func<global::System.Text.Json.JsonElement, T> f)
    {
        var r = new global::System.Collections.Generic.List<T>();
        foreach (var x in e.EnumerateArray()) r.Add(f(x));
        return r;
    }

    static global::System.Collections.Generic.Dictionary<string, T> M<T>(global::System.Text.Json.JsonElement e, global::System.Func<global::System.Text.Json.JsonElement, T> f)
    {
        var r = new global::System.Collections.Generic.Dictionary<string, T>();
        foreach (var p in e.EnumerateObject()) r[p.Name] = f(p.Value);
        return r;
    }

    static bool IsNull(global::System.Text.Json.JsonElement e) => e.ValueKind == global::System.Text.Json.JsonValueKind.Null;

    static void W(global::System.Text.Json.Utf8JsonWriter w, object? v)
    {
        switch (v)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case char c: w.WriteStringValue(c.ToString()); break;
            case bool b: w.WriteBooleanValue(b); break;
            case long n: w.WriteNumberValue(n); break;
            case int n: w.WriteNumberValue(n); break;
            case short n: w.WriteNumberValue(n); break;
            case byte n: w.WriteNumberValue(n); break;
            case ulong n: w.WriteNumberValue(n); break;
            case uint n: w.WriteNumberValue(n); break;
            case decimal n: w.WriteNumberValue(n); break;
            case double d:
                if (double.IsNaN(d) || double.IsInfinity(d)) throw new SerializeException("número não finito: " + d);
                w.WriteNumberValue(d); break;
            case float f:
                if (float.IsNaN(f) || float.IsInfinity(f)) throw new SerializeException("número não finito: " + f);
                w.WriteNumberValue((double)f); break;
            case global::System.Collections.IDictionary map:
                w.WriteStartObject();
                foreach (global::System.Collections.DictionaryEntry e in map)
                {
                    if (e.Key is not string key) throw new SerializeException("chave de mapa não é string");
                    w.WritePropertyName(key);
                    W(w, e.Value);
                }
                w.WriteEndObject();
                break;
            case global::System.Collections.IEnumerable items:
                w.WriteStartArray();
                foreach (var x in items) W(w, x);
                w.WriteEndArray();
                break;
            default: throw new SerializeException("tipo não suportado: " + v.GetType().FullName);
        }
    }

    static string Text(string s)
    {
        var sb = new global::System.Text.StringBuilder("\"");
        foreach (var c in s)
        {
            if (c == '"') sb.Append("\\\"");
            else if (c == '\\') sb.Append("\\\\");
            else if (c < 0x20 || c > 0x7e) sb.Append("\\u").Append(((int)c).ToString("x4", global::System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.Append('"').ToString();
    }

    static __CPL_CLASS__? Instance;

    static object? Step(int s, int m, global::System.Text.Json.JsonElement a)
    {
        if (s == 0)
        {
            Instance = null;
            Instance = __CPL_NEW__;
        }
        var inst = Instance!;
        switch (m)
        {
__CPL_DISPATCH__
            default: throw new global::System.InvalidOperationException("método desconhecido");
        }
    }

    static void Main()
    {
        var realOut = new global::System.IO.StreamWriter(global::System.Console.OpenStandardOutput(), new global::System.Text.UTF8Encoding(false)) { AutoFlush = true };
        var realErr = global::System.Console.Error;
        var input = global::System.Console.In.ReadToEnd();
        foreach (var line in input.Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = global::System.Text.Json.JsonDocument.Parse(line);
            var step = doc.RootElement;
            var c = step[0].GetInt64();
            var s = step[1].GetInt32();
            var m = step[2].GetInt32();
            var capture = new global::System.IO.StringWriter();
            var rec = new global::System.Text.StringBuilder("{\"c\":" + c + ",\"s\":" + s + ",");
            var watch = global::System.Diagnostics.Stopwatch.StartNew();
            global::System.Console.SetOut(capture);
            global::System.Console.SetError(capture);
            try
            {
                var value = Step(s, m, step[3]);
                var ms = watch.Elapsed.TotalMilliseconds;
                rec.Append("\"ms\":").Append(ms.ToString("R", global::System.Globalization.CultureInfo.InvariantCulture));
                try
                {
                    var stream = new global::System.IO.MemoryStream();
                    using (var w = new global::System.Text.Json.Utf8JsonWriter(stream)) W(w, value);
                    rec.Append(",\"ok\":true,\"value\":").Append(global::System.Text.Encoding.UTF8.GetString(stream.ToArray()));
                }
                catch (SerializeException e)
                {
                    rec.Append(",\"ok\":false,\"kind\":\"serialize\",\"error\":").Append(Text(e.Message));
                }
            }
            catch (__CPL_ERROR__ e)
            {
                var ms = watch.Elapsed.TotalMilliseconds;
                rec.Append("\"ms\":").Append(ms.ToString("R", global::System.Globalization.CultureInfo.InvariantCulture));
                rec.Append(",\"ok\":false,\"kind\":\"refused\",\"error\":").Append(Text(e.Message));
            }
            catch (global::System.Exception e)
            {
                var ms = watch.Elapsed.TotalMilliseconds;
                rec.Append("\"ms\":").Append(ms.ToString("R", global::System.Globalization.CultureInfo.InvariantCulture));
                rec.Append(",\"ok\":false,\"kind\":\"exception\",\"error\":").Append(Text(e.GetType().FullName + ": " + e.Message));
            }
            finally
            {
                global::System.Console.SetOut(realOut);
                global::System.Console.SetError(realErr);
            }
            rec.Append(",\"out\":").Append(Text(capture.ToString())).Append('}');
            realOut.Write("\n@@COMPILA@@" + rec + "\n");
        }
    }
}
