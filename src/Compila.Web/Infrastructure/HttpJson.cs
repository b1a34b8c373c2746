using System.Text.Json.Serialization;

namespace Compila.Web.Infrastructure;

public static class HttpJson
{
    /// <summary>
    /// Request and response bodies are web JSON with numbers as JSON numbers only: the web defaults also read numbers
    /// written as strings, which made the OpenAPI document type every number as "integer or string".
    /// </summary>
    public static void AddCompilaHttpJson(this WebApplicationBuilder builder) =>
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
}
