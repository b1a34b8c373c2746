import { useQuery } from '@tanstack/react-query';
import { endpoints, queryKeys } from '../../api/endpoints';
import { useSession } from '../auth/useAuth';

/** `GET /v1/billing` for the signed-in learner (disabled when signed out); shared by the header badge and the pages. */
export function useMyBilling() {
  const session = useSession();
  const userId = session?.user.id ?? '';
  return useQuery({ queryKey: queryKeys.myBilling(userId), queryFn: endpoints.myBilling, enabled: !!session });
}
