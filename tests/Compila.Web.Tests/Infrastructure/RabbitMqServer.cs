namespace Compila.Web.Tests.Infrastructure;

/// <summary>The real RabbitMQ the suite talks to: <c>COMPILA_TEST_RABBITMQ</c>, else Debian's server on localhost (started by scripts/services.sh).</summary>
public static class RabbitMqServer
{
    public static string Uri => Environment.GetEnvironmentVariable("COMPILA_TEST_RABBITMQ") is { Length: > 0 } configured
        ? configured
        : "amqp://guest:guest@127.0.0.1:5672/";
}
