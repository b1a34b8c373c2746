import type { QueryClient } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints';
import { getSession, setSession } from '../../api/session';

export async function signOut(queryClient: QueryClient): Promise<void> {
  const session = getSession();
  setSession(null);
  queryClient.clear();
  if (session) {
    try {
      await endpoints.logout(session.refreshToken);
    } catch {
      // The local session is gone either way; the server expires the token on its own.
    }
  }
}
