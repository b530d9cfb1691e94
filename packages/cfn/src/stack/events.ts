import { classifyAwsError, describeAwsError, sleep as realSleep, type Sleep } from '@hoist/aws';
import type { CloudFormationApi, StackEvent } from './api.js';

export interface EventMonitorOptions {
  api: Pick<CloudFormationApi, 'describeStackEvents'>;
  /** The stack's name or id. */
  stack: string;
  /** Events before this (the change set's creation time, from CloudFormation's clock) belong to earlier operations. */
  since: Date;
  /** Called once per new event, oldest first. */
  print?: (event: StackEvent) => void;
  /** A poll failed: reported, never thrown. */
  onError?: (message: string) => void;
  intervalMs?: number;
  /** Throttling doubles the interval up to this. */
  maxIntervalMs?: number;
  sleep?: Sleep;
}

const NESTED_STACK = 'AWS::CloudFormation::Stack';

/**
 * Polls a stack's events (and those of its nested stacks) while an operation runs: new events only (by EventId),
 * none older than `since`, oldest first. Started before the wait, stopped in `finally` with one last poll, so the
 * failure events are always seen. Stack status comes from DescribeStacks; events are for display and diagnosis.
 */
export class StackEventMonitor {
  /** Every event seen, oldest first, across the stack and its nested stacks. */
  readonly events: StackEvent[] = [];
  private readonly seen = new Set<string>();
  /** Stack ids (or the name of the root) whose events are polled. */
  private readonly stacks: string[];
  private readonly stop$ = new AbortController();
  private loop: Promise<void> | undefined;
  private interval: number;
  private throttled = 0;

  constructor(private readonly options: EventMonitorOptions) {
    this.stacks = [options.stack];
    this.interval = options.intervalMs ?? 5000;
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Stops polling and polls once more, so the last events (the failure) are in `events`. */
  async stop(): Promise<void> {
    this.stop$.abort();
    await this.loop;
    await this.poll();
  }

  /** How many polls met throttling. */
  get throttledPolls(): number {
    return this.throttled;
  }

  private async run(): Promise<void> {
    const pause = this.options.sleep ?? realSleep;
    while (!this.stop$.signal.aborted) {
      await this.poll();
      try {
        await pause(this.interval, this.stop$.signal);
      } catch {
        return;
      }
    }
  }

  /** One round over every watched stack; errors are reported, never thrown. */
  async poll(): Promise<void> {
    for (let i = 0; i < this.stacks.length; i++) {
      const stack = this.stacks[i] ?? '';
      try {
        const fresh = await this.newEvents(stack);
        for (const event of fresh) {
          this.events.push(event);
          this.options.print?.(event);
          this.watchNested(event);
        }
      } catch (error) {
        const c = classifyAwsError(error);
        if (c.kind === 'throttle') {
          this.throttled += 1;
          this.interval = Math.min(this.interval * 2, this.options.maxIntervalMs ?? 60_000);
          this.options.onError?.(
            `Stack events are throttled (${c.name}); polling every ${Math.round(this.interval / 1000)}s.`,
          );
        } else {
          this.options.onError?.(`Could not read the events of ${stack}: ${describeAwsError(error)}`);
        }
      }
    }
  }

  /** Pages newest-first until an event already seen or older than `since`; returns the new ones oldest first. */
  private async newEvents(stack: string): Promise<StackEvent[]> {
    const since = this.options.since.getTime();
    const fresh: StackEvent[] = [];
    let token: string | undefined;
    pages: do {
      const page = await this.options.api.describeStackEvents(stack, token);
      for (const event of page.events) {
        const id =
          event.EventId ?? `${event.LogicalResourceId}/${event.ResourceStatus}/${event.Timestamp?.toISOString()}`;
        if (this.seen.has(id) || (event.Timestamp && event.Timestamp.getTime() < since)) break pages;
        this.seen.add(id);
        fresh.push(event);
      }
      token = page.nextToken;
    } while (token);
    return fresh.reverse();
  }

  private watchNested(event: StackEvent): void {
    const id = event.PhysicalResourceId;
    if (event.ResourceType !== NESTED_STACK || !id || !id.startsWith('arn:') || id === event.StackId) return;
    if (!this.stacks.includes(id)) this.stacks.push(id);
  }
}

/** One line per event: time, status, type, logical id, reason; events of nested stacks name their stack. */
export function formatEvent(event: StackEvent, rootStackName?: string): string {
  const time = event.Timestamp ? event.Timestamp.toISOString().slice(11, 19) : '--:--:--';
  const reason = event.ResourceStatusReason ? `  ${event.ResourceStatusReason}` : '';
  const where = rootStackName && event.StackName && event.StackName !== rootStackName ? `${event.StackName}/` : '';
  return `${time}  ${(event.ResourceStatus ?? '').padEnd(28)} ${(event.ResourceType ?? '').padEnd(36)} ${where}${event.LogicalResourceId ?? ''}${reason}`;
}
