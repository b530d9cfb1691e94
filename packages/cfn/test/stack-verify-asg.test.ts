import { describe, expect, test } from '@jest/globals';
import type { AutoScalingGroup, Instance } from '@aws-sdk/client-auto-scaling';
import { verifyAutoScalingGroups, type AutoScalingApi } from '../src/stack/index.js';

const GROUP = { logicalId: 'Workers', name: 'app-Workers-1' };
const noSleep = async () => {};

function instance(id: string, lifecycle: string, health: string, version: string): Instance {
  return {
    InstanceId: id,
    LifecycleState: lifecycle as Instance['LifecycleState'],
    HealthStatus: health,
    LaunchTemplate: { LaunchTemplateId: 'lt-1', Version: version },
    AvailabilityZone: 'us-east-1a',
    ProtectedFromScaleIn: false,
  };
}

/** A group answering one state per call (the last repeats); its launch template asks for `$Latest`, which is 3. */
function api(states: Instance[][], desired = 1): AutoScalingApi & { calls: number } {
  const fake = {
    calls: 0,
    async describeGroups(names: readonly string[]): Promise<AutoScalingGroup[]> {
      const instances = states[Math.min(fake.calls, states.length - 1)] ?? [];
      fake.calls += 1;
      return names.map((name) => ({
        AutoScalingGroupName: name,
        LaunchTemplate: { LaunchTemplateId: 'lt-1', Version: '$Latest' },
        MinSize: desired,
        MaxSize: desired + 1,
        DesiredCapacity: desired,
        DefaultCooldown: 300,
        AvailabilityZones: ['us-east-1a'],
        HealthCheckType: 'EC2',
        CreatedTime: new Date(),
        Instances: instances,
      }));
    },
    async launchTemplateVersion(_id: string | undefined, _name: string | undefined, version: string) {
      return version === '$Latest' ? '3' : version;
    },
    async launchTemplateUserData() {
      return '';
    },
    async startInstanceRefresh() {
      return 'refresh-1';
    },
  };
  return fake;
}

describe('verifyAutoScalingGroups', () => {
  test('waits while an instance is Pending, then passes once it is InService and Healthy on the resolved version', async () => {
    const fake = api([[instance('i-1', 'Pending', 'Healthy', '3')], [instance('i-1', 'InService', 'Healthy', '3')]]);
    const findings = await verifyAutoScalingGroups(fake, [GROUP], { deadline: Date.now() + 60_000, sleep: noSleep });
    expect(findings).toEqual([
      {
        check: 'asg:Workers',
        status: 'pass',
        message: 'app-Workers-1: 1 of 1 instances InService and Healthy on launch template version 3 (1 in the group)',
      },
    ]);
    expect(fake.calls).toBe(2);
  });

  test('at the deadline: each instance that does not count is named with why', async () => {
    const fake = api(
      [
        [
          instance('i-1', 'InService', 'Unhealthy', '3'),
          instance('i-2', 'InService', 'Healthy', '2'),
          instance('i-3', 'Terminating', 'Unhealthy', '2'),
          instance('i-4', 'InService', 'Healthy', '3'),
        ],
      ],
      2,
    );
    const [finding] = await verifyAutoScalingGroups(fake, [GROUP], { deadline: Date.now() - 1, sleep: noSleep });
    expect(finding?.status).toBe('fail');
    expect(finding?.message).toBe(
      'app-Workers-1: not healthy on the new launch template version by the deadline: 1 of 2 instances InService and Healthy on launch template version 3 (4 in the group; i-1: Unhealthy; i-2: on launch template version 2; i-3: Terminating, Unhealthy, on launch template version 2)',
    );
    expect(finding?.fix).toContain('instance refresh');
  });

  test('as many healthy instances as desired is not enough while another is still on the old version', async () => {
    const fake = api([[instance('i-1', 'InService', 'Healthy', '3'), instance('i-2', 'InService', 'Healthy', '2')]]);
    const [finding] = await verifyAutoScalingGroups(fake, [GROUP], { deadline: Date.now() - 1, sleep: noSleep });
    expect(finding?.status).toBe('fail');
    expect(finding?.message).toContain('1 of 1 instances InService and Healthy on launch template version 3');
    expect(finding?.message).toContain('i-2: on launch template version 2');
  });
});
