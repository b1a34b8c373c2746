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

