using Compila.Web.Features.Jobs.Contracts;
using Compila.Web.Infrastructure.Events;

namespace Compila.Web.Features.Notifications;

public static class NotificationsServices
{
    public static void AddCompilaNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddEventHandler<ApplicationStatusChanged, ApplicationNotifications>("notifications.application_status");
        builder.Services.AddEventHandler<ContactRequested, ContactNotifications>("notifications.contact_requested");
        builder.Services.AddEventHandler<ContactRequestAnswered, ContactNotifications>("notifications.contact_answered");
    }
}
