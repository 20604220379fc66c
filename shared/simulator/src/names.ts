// Plausible but made-up member names and organisations: a first name and a surname drawn from
// small built-in lists (no real people are listed), organisations invented per sector.
import type { Sector } from "@copgraph/domain";
import type { Random } from "./random.js";

export const firstNames: readonly string[] = [
  "Ada",
  "Amir",
  "Anna",
  "Ben",
  "Bram",
  "Carla",
  "Chen",
  "Dana",
  "David",
  "Eline",
  "Emre",
  "Eva",
  "Farah",
  "Femke",
  "Gaby",
  "Hana",
  "Hugo",
  "Ines",
  "Iris",
  "Jan",
  "Joris",
  "Julia",
  "Kemal",
  "Kim",
  "Lars",
  "Lea",
  "Lina",
  "Luca",
  "Maja",
  "Marco",
  "Mila",
  "Nadia",
  "Niels",
  "Noor",
  "Omar",
  "Paula",
  "Pieter",
  "Rosa",
  "Ruben",
  "Sam",
  "Sara",
  "Sven",
  "Tess",
  "Theo",
  "Vera",
  "Wout",
  "Yara",
  "Zoë",
];

export const surnames: readonly string[] = [
  "Alders",
  "Bakker",
  "Berg",
  "Bos",
  "Brouwer",
  "Claes",
  "Dekker",
  "Dijkstra",
  "Evers",
  "Faber",
  "Gerrits",
  "Haan",
  "Hendriks",
  "Hoek",
  "Jansen",
  "Kok",
  "Koster",
  "Kuipers",
  "Laan",
  "Maas",
  "Meijer",
  "Mulder",
  "Nijhof",
  "Peters",
  "Post",
  "Prins",
  "Roos",
  "Schouten",
  "Smit",
  "Stam",
  "Timmer",
  "Veen",
  "Verbeek",
  "Visser",
  "Vos",
  "Wagenaar",
  "Willems",
  "Wolters",
  "Yilmaz",
  "Zwart",
];

/**
 * The k-th display name of a community: a fixed random walk over all first-name × surname pairs
 * (a stride coprime with their count), so names repeat only after every pair was used.
 */
export class NameBook {
  readonly #offset: number;
  readonly #stride: number;
  readonly #pairs = firstNames.length * surnames.length;

  constructor(random: Random) {
    this.#offset = random.int(this.#pairs);
    let stride = 1 + random.int(this.#pairs - 1);
    while (gcd(stride, this.#pairs) !== 1) stride++;
    this.#stride = stride;
  }

  nameFor(k: number): string {
    const index = (this.#offset + k * this.#stride) % this.#pairs;
    const name = `${firstNames[index % firstNames.length]} ${surnames[Math.floor(index / firstNames.length)]}`;
    const round = Math.floor(k / this.#pairs);
    return round === 0 ? name : `${name} ${round + 1}`;
  }
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

const organisationsBySector: Readonly<Record<Sector, readonly string[]>> = {
  education: ["Riverside Primary School", "Hillcrest College", "De Linde School", "Northgate Secondary"],
  "higher-education": ["University of Eastvale", "Westbrook University of Applied Sciences", "Lakeside Institute"],
  business: ["Greenfork Foods", "Movewell Studio", "Brightside Catering", "Kettle & Co"],
  "public-authority": ["Eastvale Municipality", "Regional Health Office", "Westbrook Youth Services"],
  "civil-society": ["Neighbourhood Sports Club", "Open Kitchen Foundation", "Parents' Network"],
  health: ["Eastvale Health Centre", "Physio Partners", "Community Nursing Team"],
  research: ["Lifestyle Research Lab", "Institute for Public Health Studies"],
  other: ["Independent"],
};

export function organisationFor(sector: Sector, random: Random): string {
  return random.pick(organisationsBySector[sector]);
}

export const leaveReasons: readonly string[] = [
  "Changed jobs",
  "No time at the moment",
  "Moved away",
  "The topic no longer fits their work",
];

export const retractionReasons: readonly string[] = [
  "Recorded twice",
  "Recorded in the wrong community",
  "Did not take place",
];
