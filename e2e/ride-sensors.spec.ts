import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { openFold, openRide } from './rideFixtures';

/**
 * A heart-rate strap and a speed/cadence sensor through Chromium's BluetoothEmulation (see
 * ../shared/notes/testing-web-bluetooth.md): chooser, connect, discovery, subscription and a
 * lost link; the measurement bytes go in through the app's sensor-test seam, since the
 * emulation cannot notify values. Both sensors end up on one rider, whose segment carries the
 * cadence the crank data gave.
 */
const uuid = (short: number) => `0000${short.toString(16).padStart(4, '0')}-0000-1000-8000-00805f9b34fb`;
type Send = (method: string, params?: object) => Promise<Record<string, unknown>>;
type Event = Record<string, string>;
const sender = (session: CDPSession): Send => (method, params) => (session as unknown as { send: Send }).send(method, params);
const listen = (session: CDPSession, event: string, handler: (e: Event) => void) => (session as unknown as { on(e: string, h: (e: Event) => void): void }).on(event, handler);

/** An emulated peripheral offering one measurement (service + notifying characteristic + CCCD). */
async function peripheral(send: Send, address: string, name: string, service: number, characteristic: number) {
  await send('BluetoothEmulation.simulatePreconnectedPeripheral', { address, name, manufacturerData: [], knownServiceUuids: [uuid(service)] });
  const attributes = async () => {
    const { serviceId } = await send('BluetoothEmulation.addService', { address, serviceUuid: uuid(service) });
    const { characteristicId } = await send('BluetoothEmulation.addCharacteristic', { serviceId, characteristicUuid: uuid(characteristic), properties: { notify: true } });
    await send('BluetoothEmulation.addDescriptor', { characteristicId, descriptorUuid: uuid(0x2902) });
    return serviceId as string;
  };
  return { serviceId: await attributes(), attributes };
}

/** Answers the chooser once per prompt with the device at that address (the prompt lists no names; selecting twice crashes the browser). */
async function answerChooser(page: Page) {
  const session = await page.context().newCDPSession(page);
  let wanted = '';
  const answered = new Set<string>();
  listen(session, 'DeviceAccess.deviceRequestPrompted', (e) => {
    const devices = (e as unknown as { id: string; devices: { id: string }[] }).devices;
    const device = devices.find((d) => d.id === wanted);
    if (answered.has(e.id) || !device) return;
    answered.add(e.id);
    void sender(session)('DeviceAccess.selectPrompt', { id: e.id, deviceId: device.id });
  });
  await sender(session)('DeviceAccess.enable');
  return async (address: string, name: string) => {
    wanted = address;
    await page.getByRole('button', { name: 'Connect sensor…' }).click();
    await expect(sensorRow(page, name).getByTestId('link-state')).toHaveText('Connected');
  };
}

/** A sensor's row by its name (its rider list names the other sensors too). */
const sensorRow = (page: Page, name: string) => page.getByTestId('sensor').filter({ has: page.locator('strong', { hasText: name }) });

async function push(page: Page, sensorName: string, kind: string, packets: number[][]) {
  await page.evaluate(
    async ({ sensorName, kind, packets }) => {
      type Feed = { sensorIds(): string[]; push(id: string, kind: string, bytes: number[]): void };
      const feed = (window as unknown as { __tracksideSensorFeed: Feed }).__tracksideSensorFeed;
      const rows = [...document.querySelectorAll('[data-testid=sensor]')];
      const index = rows.findIndex((row) => row.querySelector('strong')?.textContent === sensorName);
      const id = feed.sensorIds()[index];
      for (const bytes of packets) {
        feed.push(id, kind, bytes);
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    { sensorName, kind, packets },
  );
}

/** CSC measurement with wheel and crank data: 90 rpm and 2.105 m wheel turns at 30 km/h, a packet every 250 ms. */
function cscPackets(count: number, start: number): number[][] {
  return Array.from({ length: count }, (_, k) => {
    const t = (start + k) * 0.25;
    const crank = Math.floor(t * 1.5);
    const wheel = Math.floor((t * 30) / 3.6 / 2.105);
    const crankTime = Math.round((crank / 1.5) * 1024) & 0xffff;
    const wheelTime = Math.round(((wheel * 2.105 * 3.6) / 30) * 1024) & 0xffff;
    return [0x03, wheel & 0xff, (wheel >> 8) & 0xff, 0, 0, wheelTime & 0xff, wheelTime >> 8, crank & 0xff, crank >> 8, crankTime & 0xff, crankTime >> 8];
  });
}

test('a heart-rate strap and a speed/cadence sensor: connected, read, put on one rider, a lost link kept as a gap and reconnected', async ({ page, browser }) => {
  const bt = await browser.newBrowserCDPSession();
  const send = sender(bt);
  let holdConnections = false;
  const held: Event[] = [];
  listen(bt, 'BluetoothEmulation.gattOperationReceived', (e) => {
    if (holdConnections && e.type === 'connection') held.push(e);
    else void send('BluetoothEmulation.simulateGATTOperationResponse', { address: e.address, type: e.type, code: 0 });
  });
  listen(bt, 'BluetoothEmulation.characteristicOperationReceived', (e) => void send('BluetoothEmulation.simulateCharacteristicOperationResponse', { characteristicId: e.characteristicId, type: e.type, code: 0 }));
  listen(bt, 'BluetoothEmulation.descriptorOperationReceived', (e) => void send('BluetoothEmulation.simulateDescriptorOperationResponse', { descriptorId: e.descriptorId, type: e.type, code: 0 }));
  await send('BluetoothEmulation.enable', { state: 'powered-on', leSupported: true });
  const strap = await peripheral(send, '0A:0A:0A:0A:0A:01', 'HR Strap', 0x180d, 0x2a37);
  await peripheral(send, '0A:0A:0A:0A:0A:02', 'Speed Cadence', 0x1816, 0x2a5b);

  await openRide(page, '/?sensor-test#/ride');
  const connect = await answerChooser(page);
  await connect('0A:0A:0A:0A:0A:01', 'HR Strap');
  await connect('0A:0A:0A:0A:0A:02', 'Speed Cadence');
  await expect(page.getByTestId('ride-mode')).toContainText('Live session');
  await openFold(page, 'Sensors');
  // Both on the strap's rider, as the coach sets it.
  const cscRow = sensorRow(page, 'Speed Cadence');
  await cscRow.getByLabel('Rider').selectOption({ label: 'Rider 1 (HR Strap)' });
  // The rider the sensor left never rode: no empty gate is left behind.
  await expect(page.getByTestId('gate-button')).toHaveCount(1);

  await page.keyboard.press('1');
  await Promise.all([push(page, 'HR Strap', 'heartRate', Array.from({ length: 16 }, () => [0x00, 152])), push(page, 'Speed Cadence', 'speedCadence', cscPackets(16, 0))]);
  await expect(page.getByTestId('sensor-heart-rate')).toHaveText('152 bpm');
  await expect(cscRow.getByTestId('sensor-cadence')).toHaveText('90 rpm');
  await expect(cscRow.getByTestId('sensor-speed')).toHaveText(/^(29\.\d|30\.\d) km\/h$/);
  await page.keyboard.press('1');
  await openFold(page, 'All segments (table)');
  // Average cadence of the segment: the crank data's 90 rpm (a first packet alone gives no cadence, not 0 rpm).
  await expect(page.getByTestId('segment-table').locator('tbody tr').first().locator('td').last()).toHaveText('90');

  // The strap's link drops: marked at once, kept as a gap, nothing filled in; then it comes back.
  holdConnections = true;
  await send('BluetoothEmulation.simulateGATTDisconnection', { address: '0A:0A:0A:0A:0A:01' });
  const strapRow = sensorRow(page, 'HR Strap');
  await expect(strapRow.getByTestId('link-state')).toContainText('Link lost — reconnecting');
  await expect(page.getByTestId('link-summary')).toContainText('1 link lost');
  await expect(page.getByTestId('gaps')).toContainText('Rider 1 (HR Strap): from');
  await expect(page.getByTestId('gaps')).toContainText('still lost');
  await expect.poll(() => held.length, { timeout: 10_000 }).toBeGreaterThan(0);
  await send('BluetoothEmulation.removeService', { serviceId: strap.serviceId }).catch(() => undefined);
  await strap.attributes();
  holdConnections = false;
  for (const e of held.splice(0)) await send('BluetoothEmulation.simulateGATTOperationResponse', { address: e.address, type: e.type, code: 0 });
  await expect(strapRow.getByTestId('link-state')).toHaveText(/^Connected/, { timeout: 20_000 });
  await expect(page.getByTestId('gaps')).toContainText(/from \d+\.\d s to \d+\.\d s/);
  await bt.send('BluetoothEmulation.disable' as never).catch(() => undefined);
});
