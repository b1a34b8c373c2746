namespace Compila.Web.Infrastructure.Storage;

/// <summary>
/// The storage backend refused or failed an operation (unreachable, credentials refused, bucket missing). Requests
/// that meet it are answered 503 in pt-BR by the error handler; the message names the operation and the service's
/// error code, never a credential.
/// </summary>
public sealed class FileStorageUnavailableException : Exception
{
    public FileStorageUnavailableException()
    {
    }

    public FileStorageUnavailableException(string message) : base(message)
    {
    }

    public FileStorageUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
