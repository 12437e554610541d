/**
 * The athlete tab: the open profile, the event distribution beside it, and the athletes
 * with the most consensus flags — the first of them opens by itself, so the tab is never
 * empty once detectors have run.
 */
import type { AthleteProfile, EventDistribution, FlaggedAthlete, ResultsLabApi } from '../platform/results/resultsLab.api';

export class AthleteState {
  #lab: ResultsLabApi;
  #profile = $state<AthleteProfile | null>(null);
  #distribution = $state<EventDistribution | null>(null);
  #mostFlagged = $state<FlaggedAthlete[]>([]);
  /** The analyst chose an athlete: first sight no longer replaces it. */
  #chosen = false;

  constructor(lab: ResultsLabApi) {
    this.#lab = lab;
  }

  get profile(): AthleteProfile | null {
    return this.#profile;
  }

  get distribution(): EventDistribution | null {
    return this.#distribution;
  }

  get mostFlagged(): FlaggedAthlete[] {
    return this.#mostFlagged;
  }

  async open(athleteId: number, chosen = true): Promise<void> {
    this.#chosen ||= chosen;
    const profile = await this.#lab.profile(athleteId);
    const flagged = profile.performances.find((p) => p.flags.length > 0) ?? profile.performances[0];
    const distribution = flagged ? await this.#lab.distribution(flagged.event, flagged.sex) : null;
    this.#profile = profile;
    this.#distribution = distribution;
  }

  async showDistribution(event: string, sex: string): Promise<void> {
    this.#distribution = await this.#lab.distribution(event, sex);
  }

  /** After new runs: the most-flagged list, and its first athlete unless one was chosen. */
  async refresh(consensusMin: number): Promise<void> {
    this.#mostFlagged = await this.#lab.mostFlaggedAthletes(consensusMin, 10);
    const first = this.#mostFlagged[0];
    if (first && (!this.#chosen || !this.#profile)) await this.open(first.athleteId, false);
  }

  clear(): void {
    this.#profile = null;
    this.#distribution = null;
    this.#mostFlagged = [];
    this.#chosen = false;
  }
}
