import { expect, test, type CDPSession } from '@playwright/test';

/**
 * Web Bluetooth without hardware (../shared/notes/testing-web-bluetooth.md): Chromium's
 * BluetoothEmulation drives the chooser, connect, discovery, subscription and link loss;
 * measurement bytes go in through the app's sensor-test seam, since the emulation cannot
 * notify values.
 */
const uuid = (short: number) => `0000${short.toString(16).padStart(4, '0')}-0000-1000-8000-00805f9b34fb`;
type Send = (method: string, params?: object) => Promise<Record<string, unknown>>;
const sender = (session: CDPSession): Send => (method, params) => (session as unknown as { send: Send }).send(method, params);
const listen = (session: CDPSession, event: string, handler: (e: Record<string, string>) => void) => (session as unknown as { on(e: string, h: (e: Record<string, string>) => void): void }).on(event, handler);

/** Cycling power measurement with crank data: flags 0x20, power, crank revolutions, last crank event (1/1024 s). */
function powerPacket(watts: number, revolutions: number, eventTicks: number): number[] {
  return [0x20, 0x00, watts & 0xff, watts >> 8, revolutions & 0xff, revolutions >> 8, eventTicks & 0xff, (eventTicks >> 8) & 0xff];
}

test('ride bluetooth: connect through the chooser, power on screen, link loss marked as a gap and reconnected', async ({ page, browser }) => {
  const address = '09:09:09:09:09:09';
  const bt = await browser.newBrowserCDPSession();
  const send = sender(bt);
  let holdConnections = false;
  const held: Record<string, string>[] = [];
  listen(bt, 'BluetoothEmulation.gattOperationReceived', (e) => {
    if (holdConnections && e.type === 'connection') held.push(e);
    else void send('BluetoothEmulation.simulateGATTOperationResponse', { address: e.address, type: e.type, code: 0 });
  });
  listen(bt, 'BluetoothEmulation.characteristicOperationReceived', (e) => void send('BluetoothEmulation.simulateCharacteristicOperationResponse', { characteristicId: e.characteristicId, type: e.type, code: 0 }));
  listen(bt, 'BluetoothEmulation.descriptorOperationReceived', (e) => void send('BluetoothEmulation.simulateDescriptorOperationResponse', { descriptorId: e.descriptorId, type: e.type, code: 0 }));
  await send('BluetoothEmulation.enable', { state: 'powered-on', leSupported: true });
  await send('BluetoothEmulation.simulatePreconnectedPeripheral', { address, name: 'Power Meter A', manufacturerData: [], knownServiceUuids: [uuid(0x1818)] });
  // The emulated peripheral forgets its attributes when the link drops, so a comeback adds them again.
  const addPowerService = async () => {
    const { serviceId } = await send('BluetoothEmulation.addService', { address, serviceUuid: uuid(0x1818) });
    const { characteristicId } = await send('BluetoothEmulation.addCharacteristic', { serviceId, characteristicUuid: uuid(0x2a63), properties: { notify: true } });
    await send('BluetoothEmulation.addDescriptor', { characteristicId, descriptorUuid: uuid(0x2902) });
    return serviceId as string;
  };
  const serviceId = await addPowerService();

  await page.goto('/?sensor-test#/ride');
  await expect(page.getByTestId('replay-status')).toContainText('(replayed)', { timeout: 60_000 });
  const pageSession = await page.context().newCDPSession(page);
  let chosen = false;
  listen(pageSession, 'DeviceAccess.deviceRequestPrompted', (e) => {
    const devices = (e as unknown as { id: string; devices: { id: string }[] }).devices;
    if (chosen || devices.length === 0) return; // selecting twice crashes the browser
    chosen = true;
    void sender(pageSession)('DeviceAccess.selectPrompt', { id: e.id, deviceId: devices[0].id });
  });
  await sender(pageSession)('DeviceAccess.enable');
  await page.getByRole('button', { name: 'Connect sensor…' }).click();
  await expect(page.getByTestId('link-state')).toHaveText('Connected');
  await expect(page.getByTestId('sensor')).toContainText('Power Meter A');

  // Recorded bytes at 4 Hz for 3 s: 250 W at 90 rpm (one crank revolution every 2/3 s).
  await page.evaluate(async (packets) => {
    const feed = (window as unknown as { __tracksideSensorFeed: { sensorIds(): string[]; push(id: string, kind: string, bytes: number[]): void } }).__tracksideSensorFeed;
    const [id] = feed.sensorIds();
    for (const bytes of packets) {
      feed.push(id, 'power', bytes);
      await new Promise((r) => setTimeout(r, 250));
    }
  }, Array.from({ length: 12 }, (_, i) => powerPacket(250, Math.floor((i * 0.25 * 90) / 60), Math.round(Math.floor((i * 0.25 * 90) / 60) * (60 / 90) * 1024))));
  await expect(page.getByTestId('sensor-power')).toHaveText('250 W');
  await expect(page.getByTestId('ride-mode')).toContainText(/Live session — [2-9]\d* samples/);
  await page.waitForTimeout(1300); // the last 1 s bin closes
  const before = Number(/(\d+) samples/.exec((await page.getByTestId('ride-mode').textContent()) ?? '')![1]);

  holdConnections = true;
  await send('BluetoothEmulation.simulateGATTDisconnection', { address });
  await expect(page.getByTestId('link-state')).toContainText('Link lost — reconnecting');
  await expect(page.getByTestId('gaps')).toContainText('still lost');
  await expect.poll(() => held.length, { timeout: 10_000 }).toBeGreaterThan(0);
  // Nothing recorded is lost, and nothing is filled in while the link is down.
  await page.waitForTimeout(1200);
  expect(Number(/(\d+) samples/.exec((await page.getByTestId('ride-mode').textContent()) ?? '')![1])).toBe(before);

  await send('BluetoothEmulation.removeService', { serviceId }).catch(() => undefined);
  await addPowerService();
  holdConnections = false;
  for (const e of held.splice(0)) await send('BluetoothEmulation.simulateGATTOperationResponse', { address: e.address, type: e.type, code: 0 });
  await expect(page.getByTestId('link-state')).toHaveText(/^Connected/, { timeout: 20_000 });
  await expect(page.getByTestId('gaps')).toContainText(/from \d+\.\d s to \d+\.\d s/);
  await bt.send('BluetoothEmulation.disable' as never).catch(() => undefined);
});
