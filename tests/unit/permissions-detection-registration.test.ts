import { describe, expect, it, vi } from 'vitest';
import { createDetectionRegistrar, type DetectionScriptRegistry } from '@/entrypoints/background/detection-registration';

/** A registry like the browser's: registering an id twice is an error; each call takes a moment. */
function fakeRegistry() {
  let registered = false;
  const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
  const registry: DetectionScriptRegistry & { calls: string[] } = {
    calls: [],
    async isRegistered() {
      await tick();
      return registered;
    },
    async register() {
      await tick();
      if (registered) throw new Error('Duplicate script ID');
      registered = true;
      registry.calls.push('register');
    },
    async unregister() {
      await tick();
      if (!registered) throw new Error('Nonexistent script ID');
      registered = false;
      registry.calls.push('unregister');
    },
  };
  return registry;
}

describe('the detection script is registered exactly while detection is wanted and allowed', () => {
  it('registers when wanted, unregisters when not, and leaves a settled state alone', async () => {
    const registry = fakeRegistry();
    let wanted = true;
    const registrar = createDetectionRegistrar(registry, async () => wanted);
    await registrar.sync();
    await registrar.sync();
    expect(registry.calls).toEqual(['register']);
    wanted = false;
    await registrar.sync();
    await registrar.sync();
    expect(registry.calls).toEqual(['register', 'unregister']);
    expect(await registry.isRegistered()).toBe(false);
  });

  it('a burst of changes (pref and permission at once) registers once, not twice', async () => {
    const registry = fakeRegistry();
    const registrar = createDetectionRegistrar(registry, async () => true);
    await Promise.all([registrar.sync(), registrar.sync(), registrar.sync()]);
    expect(registry.calls).toEqual(['register']);
  });

  it('a failing browser call is reported and the next change still applies', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const registry = fakeRegistry();
    const failing = { ...registry, register: () => Promise.reject(new Error('no host permission')) };
    let wanted = true;
    const registrar = createDetectionRegistrar(failing, async () => wanted);
    await registrar.sync();
    expect(warn).toHaveBeenCalledOnce();
    wanted = false;
    await registrar.sync();
    expect(registry.calls).toEqual([]);
    warn.mockRestore();
  });
});
