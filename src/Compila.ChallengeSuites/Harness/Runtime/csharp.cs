

// ---- compila.dev harness: lê os argumentos de cada caso (nunca os valores esperados) ----
// __CPL_VALUES__
    static object? Call(global::System.Text.Json.JsonElement a)
    {
__CPL_CALL__
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
            var capture = new global::System.IO.StringWriter();
            var rec = new global::System.Text.StringBuilder("{");
            var watch = global::System.Diagnostics.Stopwatch.StartNew();
            global::System.Console.SetOut(capture);
            global::System.Console.SetError(capture);
            try
            {
                var value = Call(doc.RootElement);
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
