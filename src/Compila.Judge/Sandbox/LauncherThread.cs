namespace Compila.Judge.Sandbox;

/// <summary>
/// The one thread that starts every launcher, alive as long as the process. A parent-death signal fires when the
/// thread that forked the child exits, not the process, and thread-pool threads retire when idle: a launcher forked
/// from one would be killed mid-step some time later.
/// </summary>
internal static class LauncherThread
{
    private static readonly System.Collections.Concurrent.BlockingCollection<Action> Work = StartThread();

    public static Task<T> RunAsync<T>(Func<T> start)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Work.Add(() =>
        {
            try
            {
                result.SetResult(start());
            }
            catch (Exception e)
            {
                result.SetException(e);
            }
        });
        return result.Task;
    }

    private static System.Collections.Concurrent.BlockingCollection<Action> StartThread()
    {
        var work = new System.Collections.Concurrent.BlockingCollection<Action>();
        new Thread(() =>
        {
            foreach (var action in work.GetConsumingEnumerable())
            {
                action();
            }
        })
        { IsBackground = true, Name = "Compila.Judge launcher starter" }.Start();
        return work;
    }
}
