// Fills in defaults and checks every parameter, so a simulation never produces an event the
// domain would refuse. Bad input throws a RangeError that names the parameter.
import {
  ATTRIBUTE_KEY_PATTERN,
  COMMUNITY_ID_PATTERN,
  gatheringFormats,
  interactionKinds,
  learningEnvironments,
  MAX_ATTRIBUTE_VALUE_LENGTH,
  MAX_ATTRIBUTES,
  MAX_NAME_LENGTH,
  MAX_PARTICIPANTS,
  MAX_TEXT_LENGTH,
  MAX_TOPIC_LENGTH,
  occupationalLayers,
  reservedAttributeKeys,
  roleClasses,
  sectors,
} from "@copgraph/domain";
import {
  defaultSimulationParams,
  EARLIEST_MS,
  LATEST_MS,
  MAX_RETURN_DELAY_MS,
  MAX_SPAN_MS,
  type Range,
  type ResolvedSimulationParams,
  type SimulationParams,
} from "./params.js";
import { DAY_MS } from "./time.js";
import { checkWeights, type Weights } from "./weights.js";

/** The parameters with defaults filled in, checked. Throws RangeError on the first bad one. */
export function resolveParams(params: SimulationParams = {}): ResolvedSimulationParams {
  const defined = Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
  const p = { ...defaultSimulationParams, ...defined } as ResolvedSimulationParams;
  checkText("communityId", p.communityId, 64);
  if (!COMMUNITY_ID_PATTERN.test(p.communityId)) {
    throw new RangeError("communityId must be 1-64 letters, digits, _ or . (no '-', not starting with a symbol)");
  }
  checkText("name", p.name, MAX_NAME_LENGTH);
  checkText("concern", p.concern, MAX_TEXT_LENGTH);
  if (p.description !== null) checkText("description", p.description, MAX_TEXT_LENGTH);
  if (!Number.isSafeInteger(p.seed)) throw new RangeError("seed must be a safe integer");
  checkNumber("start", p.start, EARLIEST_MS, LATEST_MS, true);
  checkNumber("end", p.end, EARLIEST_MS, LATEST_MS, true);
  if (p.end <= p.start) throw new RangeError("end must be later than start");
  if (p.end - p.start > MAX_SPAN_MS) throw new RangeError("the span from start to end must be at most 100 years");
  checkNumber("initialMembers", p.initialMembers, 0, 1_000_000, true);
  checkNumber("growth", p.growth, 0, 1_000_000);
  checkProbability("churn", p.churn, true);
  checkWeights("sectorMix", p.sectorMix, sectors);
  checkWeights("layerMix", p.layerMix, occupationalLayers);
  checkWeights("learningEnvironmentMix", p.learningEnvironmentMix, learningEnvironments);
  checkAttributes(p.attributes);
  checkProbability("homophily", p.homophily);
  if (p.homophilyEnd !== null) checkProbability("homophilyEnd", p.homophilyEnd);
  checkProbability("reciprocity", p.reciprocity);
  checkRange("returnDelayDays", p.returnDelayDays, 1 / 1440, MAX_RETURN_DELAY_MS / DAY_MS, false);
  checkProbability("roleSwitching", p.roleSwitching);
  checkWeights("habitualClassMix", p.habitualClassMix, roleClasses);
  checkNumber("interactionsPerMemberPerMonth", p.interactionsPerMemberPerMonth, 0, 10_000);
  checkWeights("kindMix", p.kindMix, interactionKinds);
  checkNumber("gatheringsPerMonth", p.gatheringsPerMonth, 0, 100_000);
  checkRange("gatheringSize", p.gatheringSize, 2, MAX_PARTICIPANTS, true);
  checkWeights("formatMix", p.formatMix, gatheringFormats);
  checkTopics(p.topics);
  checkProbability("retractionRate", p.retractionRate);
  checkProbability("profileChangeRate", p.profileChangeRate, true);
  checkNumber("burstiness", p.burstiness, 0, 3);
  if (p.maxEvents !== null) checkNumber("maxEvents", p.maxEvents, 1, Number.MAX_SAFE_INTEGER, true);
  return p;
}

function checkNumber(name: string, value: unknown, min: number, max: number, integer = false): void {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new RangeError(`${name} must be a finite number`);
  if (integer && !Number.isInteger(value)) throw new RangeError(`${name} must be an integer`);
  if (value < min || value > max) throw new RangeError(`${name} must be between ${min} and ${max}, got ${value}`);
}

/** A probability in [0, 1], or [0, 1) when 1 would make a rate infinite. */
function checkProbability(name: string, value: unknown, belowOne = false): void {
  checkNumber(name, value, 0, 1);
  if (belowOne && value === 1) throw new RangeError(`${name} must be below 1 (a probability per 30 days)`);
}

function checkRange(name: string, range: Range, min: number, max: number, integer: boolean): void {
  if (range === null || typeof range !== "object") throw new RangeError(`${name} must be { min, max }`);
  checkNumber(`${name}.min`, range.min, min, max, integer);
  checkNumber(`${name}.max`, range.max, min, max, integer);
  if (range.max < range.min) throw new RangeError(`${name}.max must be ≥ ${name}.min`);
}

/** Text must already be trimmed: the event schemas trim, and an event must read back as written. */
function checkText(name: string, value: unknown, maxLength: number): void {
  if (typeof value !== "string" || value.trim() !== value || value.length === 0 || value.length > maxLength) {
    throw new RangeError(`${name} must be a trimmed, non-empty string of at most ${maxLength} characters`);
  }
}

function checkTopics(topics: readonly string[]): void {
  if (!Array.isArray(topics)) throw new RangeError("topics must be an array of strings");
  topics.forEach((topic, i) => {
    checkText(`topics[${i}]`, topic, MAX_TOPIC_LENGTH);
  });
}

function checkAttributes(attributes: Readonly<Record<string, Weights>>): void {
  if (attributes === null || typeof attributes !== "object") throw new RangeError("attributes must be an object");
  const keys = Object.keys(attributes);
  if (keys.length > MAX_ATTRIBUTES) throw new RangeError(`attributes: at most ${MAX_ATTRIBUTES} custom attributes`);
  const reserved: readonly string[] = reservedAttributeKeys;
  for (const key of keys) {
    if (!ATTRIBUTE_KEY_PATTERN.test(key) || reserved.includes(key)) {
      throw new RangeError(`attributes: '${key}' is not a valid custom attribute name (or is reserved)`);
    }
    const categories = attributes[key]!;
    checkWeights(`attributes.${key}`, categories);
    for (const category of Object.keys(categories)) {
      checkText(`attributes.${key} category`, category, MAX_ATTRIBUTE_VALUE_LENGTH);
    }
  }
}
