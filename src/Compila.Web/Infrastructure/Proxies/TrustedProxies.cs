using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Compila.Web.Infrastructure.Proxies;

/// <summary>
/// Behind a load balancer every caller shares the proxy's address, so anonymous rate limits would be one budget for
/// everybody. <c>Compila:TrustedProxies</c> lists the proxies (addresses or CIDR networks) whose <c>X-Forwarded-For</c>
/// and <c>X-Forwarded-Proto</c> are believed; nobody's are by default, so a client cannot pick its own address.
/// </summary>
public static class TrustedProxies
{
    public const string SettingKey = "Compila:TrustedProxies";

    public static void AddCompilaTrustedProxies(this WebApplicationBuilder builder)
    {
        var entries = Entries(builder.Configuration);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            // One hop: the proxy in front of us appends the client; anything earlier in the header is the client's say-so.
            options.ForwardLimit = 1;
            foreach (var entry in entries)
            {
                if (System.Net.IPNetwork.TryParse(entry.Trim(), out var network))
                {
                    options.KnownIPNetworks.Add(network);
                }
                else if (IPAddress.TryParse(entry.Trim(), out var address))
                {
                    options.KnownProxies.Add(address);
                }
                else
                {
                    throw new InvalidOperationException($"{SettingKey}: '{entry}' is neither an IP address nor a CIDR network.");
                }
            }
        });
    }

    /// <summary>Before anything that reads the caller's address (rate limits, lockout, logs).</summary>
    /// <remarks>Not used at all without a trusted proxy: with empty lists the framework's middleware believes every sender.</remarks>
    public static void UseCompilaTrustedProxies(this WebApplication app)
    {
        if (Entries(app.Configuration).Length > 0)
        {
            app.UseForwardedHeaders();
        }
    }

    static string[] Entries(IConfiguration configuration) =>
        [.. (configuration.GetSection(SettingKey).Get<string[]>() ?? []).Where(e => !string.IsNullOrWhiteSpace(e))];
}
