import type { ActivityChanges } from '../activity/activity-changes.ts';
import type { ActivityRecorder } from '../activity/activity-recorder.ts';
import type { AccessGuards } from '../auth/access.ts';
import type { PrincipalLoader } from '../auth/principal-cache.ts';
import type { RecipientChecker } from '../bulk/recipient-check.ts';
import type { RoleCatalog } from '../bulk/role-catalog.ts';
import type { PinnedPackage } from '../clerk-frontend/pinned-scripts.ts';
import type { AppConfig } from '../config.ts';
import type { ExpiringInvitations } from '../lifecycle/expiring-invitations.ts';
import type { Store } from '../store/create-store.ts';
import type { UpstreamClient } from '../upstream/client.ts';
import type { WebhookInbox } from '../webhooks/webhook-inbox.ts';

/** What the resource sub-apps get from createApp. */
export interface RouteDeps {
  config: AppConfig;
  upstream: UpstreamClient;
  principals: PrincipalLoader;
  /** Each route's auth + access step (one middleware). */
  access: AccessGuards;
  detectEmulator: () => Promise<boolean>;
  /** The clerk-js and Clerk UI packages the api serves under `/__clerk/npm`. */
  clerkPackages: readonly PinnedPackage[];
  store: Store;
  activity: ActivityRecorder;
  wakeWorker: () => void;
  /** The bulk preview's view of pending invitations and members, cached per organization. */
  recipients: RecipientChecker;
  roles: RoleCatalog;
  /** The expiring-soon index of pending invitations, per organization. */
  expiring: ExpiringInvitations;
  webhookInbox: WebhookInbox;
  activityChanges: ActivityChanges;
  now: () => number;
}
