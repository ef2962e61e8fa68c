import type { MatchedEntities } from '@/lib/messaging';
import type { ActorKind } from '@/lib/model';

export interface ActorInfo {
  id: string;
  name: string;
  kind: ActorKind;
  /** `[id]`, made once: the ids of every hit on this actor alone (Hit.ids). */
  ids: readonly string[];
}
export interface ClaimInfo {
  id: string;
  gist: string;
  denials: number;
}

/**
 * What the page knows about the entities its matches refer to, by dictionary index, for one
 * knowledge version (indexes change when the dictionary is recompiled).
 */
export class EntityTable {
  version = -1;
  readonly actors = new Map<number, ActorInfo>();
  readonly claims = new Map<number, ClaimInfo>();

  /** Adds a reply's entities; returns false if the knowledge version moved (a full re-scan). */
  merge(version: number, entities: MatchedEntities): boolean {
    const same = this.version === version || this.version === -1;
    if (this.version !== version) {
      this.actors.clear();
      this.claims.clear();
      this.version = version;
    }
    for (const [index, id, name, kind] of entities.actors)
      this.actors.set(index, { id, name, kind, ids: [id] });
    for (const [index, id, gist, denials] of entities.claims)
      this.claims.set(index, { id, gist, denials });
    return same;
  }

  /** Forgets everything: the next reply starts a new table, whatever its version. */
  reset(): void {
    this.version = -1;
    this.actors.clear();
    this.claims.clear();
  }

  actorByIdOrName(id: string): ActorInfo | undefined {
    for (const a of this.actors.values()) if (a.id === id) return a;
    return undefined;
  }
}
