/**
 * A cumulative revolution counter and the time of its last event, as sensors send them.
 * Event times are raw ticks: 1/2048 s for wheel data in Cycling Power (0x2A63), 1/1024 s for
 * crank data everywhere and for wheel data in CSC (0x2A5B). Keeping the ticks (not seconds)
 * lets a tracker handle the 16-bit rollover exactly.
 */
export interface RevolutionData {
  /** Cumulative revolutions: uint32 for wheels, uint16 for cranks. */
  readonly revolutions: number;
  /** Last event time in ticks of 1 / ticksPerSecond s, uint16, rolls over. */
  readonly lastEventTime: number;
  readonly ticksPerSecond: 1024 | 2048;
}
