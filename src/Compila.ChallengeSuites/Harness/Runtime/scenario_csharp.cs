

// ---- compila.dev harness: (cenário) lê as chamadas de cada passo (nunca os valores esperados) ----
// __CPL_VALUES__
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
