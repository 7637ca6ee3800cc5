// Default risk matrices for victims, perpetrators and locations.
//
// These are a starting point for local agreement, not a national standard: no national ASB
// question list or weighting was found (docs/domain.md §3), so each partnership should review the
// wording, weights, bands and threshold with its panel before use and publish its own version.
// The structure follows what every published matrix shares: personal, situational and incidental
// vulnerability plus harm and impact, each answer scored and the total banded low / medium / high.
//
// Every question scores 0 (no concern), 2 (some concern) or 4 (serious concern), so the maximum is
// four times the number of questions and a total can be read as "how many serious concerns".
//
// Victim template: 15 questions, 0–60. The threshold is 32, matching Islington's CMARAC rule that
// a total above 31 is high. Reaching it needs serious concern on about half the questions, or some
// concern on nearly all of them: a victim who is disabled, targeted at home, threatened, living
// in fear and getting worse is well above it (about 40), while a nuisance that annoys but does not
// frighten stays in the low or medium band.
//
// Perpetrator template: 12 questions, 0–48, threshold 28 (the same proportion, just over half).
// Location template: 10 questions, 0–40, threshold 24.

import type { AnswerOption, RiskQuestion, RiskSection, RiskTemplate } from './template';

type Scale = readonly [none: string, some: string, serious: string];

function question(section: RiskSection, id: string, topic: string, wording: string, helpText: string, scale: Scale): RiskQuestion {
  const options: AnswerOption[] = [
    { id: 'none', label: scale[0], weight: 0 },
    { id: 'some', label: scale[1], weight: 2 },
    { id: 'serious', label: scale[2], weight: 4 },
  ];
  return { id, section, topic, wording, helpText, required: true, options };
}

const NO_SOME_YES: Scale = ['No', 'Some concern', 'Yes, a serious concern'];

export const DEFAULT_VICTIM_TEMPLATE: RiskTemplate = {
  id: 'default-victim',
  name: 'ASB victim risk assessment (default)',
  version: 1,
  subjectType: 'VICTIM',
  referralThreshold: 32,
  bands: [
    { band: 'LOW', from: 0, to: 15 },
    { band: 'MEDIUM', from: 16, to: 31 },
    { band: 'HIGH', from: 32, to: 60 },
  ],
  questions: [
    question(
      'PERSONAL',
      'v-health',
      'illness, disability or mental health',
      'Does the victim have a long-term illness, disability or mental health condition?',
      'Include conditions the ASB is making worse. Ask the victim; do not assume.',
      ['No', 'Yes, and they are coping', 'Yes, and the ASB is making it worse'],
    ),
    question(
      'PERSONAL',
      'v-less-able',
      'less able to protect themselves',
      'Is the victim less able to protect themselves, for example because of age, frailty or a learning disability?',
      'Think about whether they could get away, call for help or stand up to the behaviour.',
      NO_SOME_YES,
    ),
    question(
      'PERSONAL',
      'v-support',
      'little support around them',
      'Does the victim have family, friends or neighbours they can turn to?',
      'Living alone is not in itself a concern; having no one to turn to is.',
      ['Yes, good support', 'Some support', 'No one to turn to'],
    ),
    question(
      'PERSONAL',
      'v-children',
      'children or dependants affected',
      'Are children or other dependants in the household affected by the ASB?',
      'Include children who witness the behaviour as well as those targeted.',
      NO_SOME_YES,
    ),
    question(
      'SITUATIONAL',
      'v-targeted',
      'targeted for who they are',
      'Does the victim believe they are targeted because of disability, race, religion, sexual orientation or gender identity?',
      'The victim\u2019s perception is enough to record a hate incident.',
      ['No', 'Not sure', 'Yes'],
    ),
    question(
      'SITUATIONAL',
      'v-at-home',
      'directed at their home',
      'Is the ASB happening at or directed at the victim\u2019s home?',
      'Behaviour at home leaves the victim nowhere to feel safe.',
      ['No', 'Near the home', 'At or aimed at the home'],
    ),
    question(
      'SITUATIONAL',
      'v-perpetrator-near',
      'perpetrator lives nearby',
      'Does the person responsible live near the victim or know where they live?',
      'A neighbour in the same building is the most serious case.',
      ['No', 'Knows where they live', 'Next door or in the same building'],
    ),
    question(
      'SITUATIONAL',
      'v-area',
      'other crime and ASB in the area',
      'Is the victim\u2019s neighbourhood affected by other crime or ASB?',
      'Use local knowledge and recent police and housing data.',
      NO_SOME_YES,
    ),
    question(
      'INCIDENTAL',
      'v-frequency',
      'how often it happens',
      'How often is the ASB happening?',
      'Count all incidents the victim describes, reported or not.',
      ['Less than weekly', 'About weekly', 'Several times a week or daily'],
    ),
    question(
      'INCIDENTAL',
      'v-duration',
      'how long it has gone on',
      'How long has the ASB been going on?',
      'From the first incident the victim describes.',
      ['Less than a month', 'One to six months', 'More than six months'],
    ),
    question(
      'INCIDENTAL',
      'v-escalation',
      'getting worse',
      'Is the behaviour getting more frequent or more serious?',
      'Potential escalation is also a referral route in its own right.',
      ['No', 'Somewhat', 'Yes, clearly'],
    ),
    question(
      'INCIDENTAL',
      'v-threats',
      'threats or violence',
      'Have there been threats or violence towards the victim or their household?',
      'Include threats made online or through others.',
      ['None', 'Verbal threats or intimidation', 'Violence, or threats of serious harm'],
    ),
    question(
      'HARM_AND_IMPACT',
      'v-fear',
      'living in fear',
      'Does the victim feel unsafe at home or afraid to go out?',
      'In the victim\u2019s own words where possible.',
      NO_SOME_YES,
    ),
    question(
      'HARM_AND_IMPACT',
      'v-wellbeing',
      'harm to health or sleep',
      'How is the ASB affecting the victim\u2019s health, sleep or work?',
      'Include new or worsening anxiety and depression.',
      ['Not at all', 'Some effect', 'A severe effect'],
    ),
    question(
      'HARM_AND_IMPACT',
      'v-crisis',
      'thoughts of moving or self-harm',
      'Has the victim talked about leaving their home, or about harming themselves, because of the ASB?',
      'Any mention of self-harm or suicide needs an immediate safeguarding response as well.',
      ['No', 'Has talked about moving', 'Has talked about self-harm or suicide'],
    ),
  ],
};

export const DEFAULT_PERPETRATOR_TEMPLATE: RiskTemplate = {
  id: 'default-perpetrator',
  name: 'ASB perpetrator risk assessment (default)',
  version: 1,
  subjectType: 'PERPETRATOR',
  referralThreshold: 28,
  bands: [
    { band: 'LOW', from: 0, to: 13 },
    { band: 'MEDIUM', from: 14, to: 27 },
    { band: 'HIGH', from: 28, to: 48 },
  ],
  questions: [
    question(
      'PERSONAL',
      'p-vulnerability',
      'their own vulnerability',
      'Does the person have mental health needs, a learning disability, or drug or alcohol dependency?',
      'Support needs shape the plan: enforcement alone rarely works here.',
      NO_SOME_YES,
    ),
    question(
      'PERSONAL',
      'p-exploitation',
      'signs of exploitation',
      'Are there signs the person is being exploited or controlled by others, for example cuckooing or county lines?',
      'If so, treat them as a possible victim as well.',
      NO_SOME_YES,
    ),
    question(
      'PERSONAL',
      'p-young',
      'a child or young person',
      'Is the person under 18, or a care leaver under 25?',
      'Youth justice and children\u2019s services should be invited.',
      ['No', 'Care leaver under 25', 'Under 18'],
    ),
    question(
      'SITUATIONAL',
      'p-housing',
      'tenancy or housing at risk',
      'Is the person\u2019s tenancy or housing at risk?',
      'Include notices seeking possession and rough sleeping.',
      NO_SOME_YES,
    ),
    question(
      'SITUATIONAL',
      'p-peers',
      'group or peer influence',
      'Does the behaviour happen as part of a group?',
      'Groups raise fear and make single interventions less effective.',
      ['No, alone', 'Sometimes in a group', 'Usually in a group'],
    ),
    question(
      'SITUATIONAL',
      'p-victims-near',
      'lives near those harmed',
      'Does the person live near the people affected?',
      'Proximity limits how far victims can avoid the behaviour.',
      ['No', 'Same area', 'Same street or building'],
    ),
    question(
      'INCIDENTAL',
      'p-frequency',
      'how often it happens',
      'How often is the person reported for ASB?',
      'Count reports to all agencies in the last three months.',
      ['Less than monthly', 'About monthly', 'Weekly or more'],
    ),
    question(
      'INCIDENTAL',
      'p-duration',
      'how long it has gone on',
      'How long has the behaviour been going on?',
      'From the first report to any agency.',
      ['Less than three months', 'Three to twelve months', 'More than a year'],
    ),
    question(
      'INCIDENTAL',
      'p-interventions',
      'earlier interventions breached',
      'Have earlier interventions been tried and breached?',
      'For example warning letters, Acceptable Behaviour Contracts or Community Protection Warnings.',
      ['None tried yet', 'Tried, partly kept to', 'Tried and breached'],
    ),
    question(
      'INCIDENTAL',
      'p-violence',
      'threats or violence',
      'Has the person used threats, weapons or violence?',
      'Include criminal damage aimed at people.',
      ['No', 'Threats or intimidation', 'Violence or weapons'],
    ),
    question(
      'HARM_AND_IMPACT',
      'p-victims',
      'number of people harmed',
      'How many households or people are affected?',
      'Count distinct complainants and those they speak for.',
      ['One', 'Two to four', 'Five or more'],
    ),
    question(
      'HARM_AND_IMPACT',
      'p-targets-vulnerable',
      'targets vulnerable people',
      'Does the behaviour target people who are vulnerable or targeted for who they are?',
      'Hate-motivated behaviour always counts as serious.',
      NO_SOME_YES,
    ),
  ],
};

export const DEFAULT_LOCATION_TEMPLATE: RiskTemplate = {
  id: 'default-location',
  name: 'ASB problem location assessment (default)',
  version: 1,
  subjectType: 'LOCATION',
  referralThreshold: 24,
  bands: [
    { band: 'LOW', from: 0, to: 11 },
    { band: 'MEDIUM', from: 12, to: 23 },
    { band: 'HIGH', from: 24, to: 40 },
  ],
  questions: [
    question(
      'PERSONAL',
      'l-vulnerable-residents',
      'vulnerable people nearby',
      'Do vulnerable people live at or use the location, such as older residents, children or supported tenants?',
      'Include schools, care homes and hostels close by.',
      NO_SOME_YES,
    ),
    question(
      'SITUATIONAL',
      'l-design',
      'hidden or poorly lit',
      'Is the location poorly lit, hidden from view or easy to get into without being seen?',
      'Think about natural surveillance, lighting, access and escape routes.',
      NO_SOME_YES,
    ),
    question(
      'SITUATIONAL',
      'l-attractor',
      'something draws people in',
      'Does something draw people there, such as an empty building, late-night venue or unsecured space?',
      'Attractors are often the cheapest thing to change.',
      NO_SOME_YES,
    ),
    question(
      'SITUATIONAL',
      'l-ownership',
      'no one takes responsibility',
      'Is it unclear who owns or manages the location?',
      'Shared or unknown ownership usually means nothing gets fixed.',
      ['Clear owner who acts', 'Owner known but not acting', 'Unknown or disputed'],
    ),
    question(
      'INCIDENTAL',
      'l-frequency',
      'how often it is reported',
      'How often is ASB reported at the location?',
      'Reports to all agencies in the last three months.',
      ['Less than monthly', 'About weekly', 'Several times a week'],
    ),
    question(
      'INCIDENTAL',
      'l-reporters',
      'number of people reporting',
      'How many different people or households report it?',
      'Distinct reporters show how widely it is felt.',
      ['One', 'Two to four', 'Five or more'],
    ),
    question(
      'INCIDENTAL',
      'l-seriousness',
      'drugs, weapons or violence',
      'Is there drug dealing, weapon carrying or violence at the location?',
      'Include discarded needles.',
      ['No', 'Suspected', 'Confirmed'],
    ),
    question(
      'HARM_AND_IMPACT',
      'l-fear',
      'residents afraid',
      'Are residents or visitors afraid to use or pass the location?',
      'Ask residents and ward councillors.',
      NO_SOME_YES,
    ),
    question(
      'HARM_AND_IMPACT',
      'l-signal-disorder',
      'visible damage and disorder',
      'Is there visible damage, graffiti, litter or fly-tipping?',
      'Visible disorder raises fear far beyond its own harm.',
      NO_SOME_YES,
    ),
    question(
      'HARM_AND_IMPACT',
      'l-services',
      'services or businesses affected',
      'Are local services or businesses affected, for example closing early or losing customers?',
      'Include bus routes withdrawn and deliveries refused.',
      NO_SOME_YES,
    ),
  ],
};

export const DEFAULT_TEMPLATES: readonly RiskTemplate[] = [
  DEFAULT_VICTIM_TEMPLATE,
  DEFAULT_PERPETRATOR_TEMPLATE,
  DEFAULT_LOCATION_TEMPLATE,
];
