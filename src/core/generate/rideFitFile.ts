import { Encoder, Profile, type FileIdMesg, type LapMesg, type RecordMesg, type UserProfileMesg, type ZonesTargetMesg } from '@garmin/fitsdk';
import type { FieldExportRide } from '../power/files/fieldExport';
import type { RideLap } from '../power/lapGates';

/**
 * A generated ride as a FIT activity (Garmin's own encoder): file id, the rider's weight and
 * FTP (user profile, zones target), one record a sample (a NaN field left out, as a head unit
 * leaves out what it did not record) and one lap message a lap.
 */
export function fitActivityFile(ride: FieldExportRide, laps: readonly RideLap[]): Uint8Array {
  const at = (s: number) => new Date(Math.round((ride.startWallTime + s) * 1000));
  const encoder = new Encoder();
  encoder.onMesg(Profile.MesgNum.FILE_ID, { type: 'activity', manufacturer: 'development', product: 0, timeCreated: at(0), serialNumber: 1 } as FileIdMesg);
  if (ride.rider.weightKg !== null) encoder.onMesg(Profile.MesgNum.USER_PROFILE, { weight: ride.rider.weightKg } as UserProfileMesg);
  if (ride.rider.ftp !== null) encoder.onMesg(Profile.MesgNum.ZONES_TARGET, { functionalThresholdPower: ride.rider.ftp } as ZonesTargetMesg);
  const { stream } = ride;
  for (let i = 0; i < stream.time.length; i++) {
    const record: Record<string, unknown> = { timestamp: at(stream.time[i]) };
    const fields: [string, number][] = [['power', stream.power[i]], ['cadence', stream.cadence[i]], ['heartRate', stream.heartRate[i]], ['speed', stream.speed[i]], ['distance', stream.distance[i]]];
    for (const [name, value] of fields) if (!Number.isNaN(value)) record[name] = name === 'power' || name === 'cadence' || name === 'heartRate' ? Math.round(value) : value;
    encoder.onMesg(Profile.MesgNum.RECORD, record as RecordMesg);
  }
  for (const lap of laps) {
    encoder.onMesg(Profile.MesgNum.LAP, { timestamp: at(lap.endTime), startTime: at(lap.startTime), totalElapsedTime: lap.endTime - lap.startTime, totalTimerTime: lap.endTime - lap.startTime } as LapMesg);
  }
  return encoder.close();
}
