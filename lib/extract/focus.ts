import { foldKey } from '../match/fold';
import type { ActorLookup } from './known-actors';
import type { Mention } from './mentions';
import type { SpeakerRef } from './speakers';

/** A speaker once resolved: a known actor, or how the text names an unnamed one. */
export type Speaker = { actorId: string } | { label: string; plural: boolean };

const OUTLET_NOUNS = new Set([
  'outlet',
  'agency',
  'newspaper',
  'paper',
  'network',
  'broadcaster',
  'site',
  'website',
  'wire',
  'publication',
  'magazine',
  'channel',
]);
const GENERIC_ORGANIZATION = new Set([
  'company',
  'firm',
  'operator',
  'corporation',
  'business',
  'group',
  'employer',
  'owner',
  'organization',
  'organisation',
]);
const REPORT_NOUNS = new Set([
  'report',
  'reports',
  'article',
  'story',
  'investigation',
  'analysis',
]);

/**
 * Who is in focus as the text goes on: the person last speaking or acting, the last speaker, the
 * last outlet. Pronouns and definite descriptions ("he", "the outlet", "the administration",
 * "the Cuban leader") are resolved against it.
 */
export class Focus {
  private person: { id: string; at: number } | undefined;
  private thing: { id: string; at: number } | undefined;
  private lastSpeaker: { speaker: Speaker; at: number; paragraph: number } | undefined;

  constructor(
    private readonly lookup: ActorLookup,
    private readonly mentions: readonly Mention[],
    private readonly reportOwner: string | undefined,
  ) {}

  private kindOf(id: string) {
    return this.lookup.get(id)?.kind;
  }

  /** Someone was the subject of a sentence or spoke at `at`. */
  noteActor(id: string, at: number) {
    if (this.kindOf(id) === 'person') {
      if (!this.person || this.person.at <= at) this.person = { id, at };
    } else if (!this.thing || this.thing.at <= at) this.thing = { id, at };
  }

  noteSpeaker(speaker: Speaker, at: number, paragraph: number) {
    this.lastSpeaker = { speaker, at, paragraph };
    if ('actorId' in speaker) this.noteActor(speaker.actorId, at);
  }

  get previousSpeaker() {
    return this.lastSpeaker;
  }

  /** The person in focus: the last one who spoke or was a sentence's subject. */
  personInFocus(): string | undefined {
    return this.person?.id;
  }

  /** Resolves what a subject names, at offset `at`. Null when it cannot say. */
  resolve(ref: SpeakerRef, at: number): Speaker | null {
    switch (ref.type) {
      case 'actor':
        return { actorId: ref.actorId };
      case 'unnamed':
        return { label: ref.label, plural: ref.plural };
      case 'pronoun': {
        if (ref.pronoun === 'he' || ref.pronoun === 'she') {
          // "…, a senior official said, but he insisted …": an unnamed speaker can be "he".
          const last = this.lastSpeaker;
          if (
            last &&
            'label' in last.speaker &&
            !last.speaker.plural &&
            (!this.person || last.at > this.person.at)
          )
            return last.speaker;
          return this.person ? { actorId: this.person.id } : null;
        }
        if (ref.pronoun === 'they') {
          const last = this.lastSpeaker?.speaker;
          return last && 'label' in last && last.plural ? last : null;
        }
        if (ref.pronoun === 'it') return this.thing ? { actorId: this.thing.id } : null;
        return null;
      }
      case 'anaphor':
        return this.resolveAnaphor(ref.noun, ref.modifier, at);
    }
  }

  private personIds: string[] | undefined;
  private surnames: Map<string, string[]> | undefined;

  /** The known people, listed once per article (only offices need them). */
  private persons(): string[] {
    this.personIds ??= [...this.lookup.all()].filter((a) => a.kind === 'person').map((a) => a.id);
    return this.personIds;
  }

  private bySurname(): Map<string, string[]> {
    if (!this.surnames) {
      this.surnames = new Map();
      for (const id of this.persons()) {
        const surname =
          foldKey(this.lookup.get(id)?.name ?? '')
            .split(/\s+/)
            .at(-1) ?? '';
        this.surnames.set(surname, [...(this.surnames.get(surname) ?? []), id]);
      }
    }
    return this.surnames;
  }

  private lastMention(
    at: number,
    test: (id: string) => boolean,
    throughOrganizations = false,
  ): string | undefined {
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i] as Mention;
      if (m.start >= at) continue;
      if (test(m.actorId)) return m.actorId;
      if (throughOrganizations) {
        const org = this.lookup.get(m.actorId);
        if (org && org.kind !== 'person') {
          const words = foldKey(org.name).split(/\s+/);
          if (words.length > 1) {
            const person = words
              .flatMap((w) => this.bySurname().get(w) ?? [])
              .find((id) => test(id));
            if (person) return person;
          }
        }
      }
    }
    return undefined;
  }

  private resolveAnaphor(noun: string, modifier: string | undefined, at: number): Speaker | null {
    if (REPORT_NOUNS.has(noun)) return this.reportOwner ? { actorId: this.reportOwner } : null;
    if (OUTLET_NOUNS.has(noun)) {
      const id = this.lastMention(at, (a) => this.kindOf(a) === 'outlet');
      return id ? { actorId: id } : null;
    }
    if (noun === 'leader' || noun === 'president' || noun === 'minister' || noun === 'premier') {
      const stem = modifier
        ? foldKey(modifier)
            .replace(/['’]s$/, '')
            .replace(/(?:an|n|ian|ese|ish)$/, '')
            .slice(0, 5)
        : '';
      const fits = (a: string) => {
        const actor = this.lookup.get(a);
        if (actor?.kind !== 'person') return false;
        const described = [
          ...actor.aliases.map((x) => x.text),
          ...(actor.roles ?? []).filter((r) => !r.to).map((r) => `${r.title} ${r.of ?? ''}`),
        ]
          .map(foldKey)
          .join(' | ');
        const office =
          described.includes(noun) ||
          (noun === 'leader' && /president|prime minister|premier|chancellor/.test(described));
        return stem !== '' ? described.includes(stem) && office : office;
      };
      // Named before, directly or through their administration ("the Trump administration …
      // the president says").
      const id = this.lastMention(at, fits, true);
      if (id) return { actorId: id };
      // Not named yet (a standfirst): the one known person who holds that office.
      const all = this.persons().filter((id) => fits(id));
      return stem !== '' && all.length === 1 && all[0] ? { actorId: all[0] } : null;
    }
    // "the administration", "the union", "the ministry": the last actor of that name; "the
    // company", "the firm": the last organisation named.
    const generic = GENERIC_ORGANIZATION.has(noun);
    const id = this.lastMention(at, (a) => {
      const actor = this.lookup.get(a);
      if (!actor || actor.kind === 'person') return false;
      if (generic) return actor.kind === 'organization';
      return foldKey(actor.name)
        .split(/[\s']+/)
        .some((w) => w === noun || w === `${noun}s`);
    });
    return id ? { actorId: id } : null;
  }
}

/**
 * The actor whose report an article discusses ("a report from Drop Site News", "the Drop Site
 * report", "X reported"): the one named most often next to the word "report".
 */
export function reportOwnerOf(
  text: string,
  mentions: readonly Mention[],
  lookup: ActorLookup,
): string | undefined {
  const counts = new Map<string, number>();
  for (const m of mentions) {
    const kind = lookup.get(m.actorId)?.kind;
    if (kind !== 'outlet' && kind !== 'organization') continue;
    const before = text.slice(Math.max(0, m.start - 25), m.start);
    const after = text.slice(m.end, m.end + 20);
    if (
      /\breport(?:s|ed)?\s+(?:from|by)\s+(?:the\s+)?$/i.test(before) ||
      /^(?:['’]s)?\s+report/i.test(after)
    ) {
      counts.set(m.actorId, (counts.get(m.actorId) ?? 0) + 1);
    }
  }
  let best: string | undefined;
  let most = 0;
  for (const [id, n] of counts) {
    if (n > most) {
      best = id;
      most = n;
    }
  }
  return best;
}
