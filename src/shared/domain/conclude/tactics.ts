// Miles & Huberman's tactics for testing or confirming findings (Qualitative Data Analysis,
// 2nd ed., ch. 10, section B), as a checklist each conclusion works through. The keys are
// stored in the project (conclusion_tactics.tactic, conclusion_evidence.tactic).

export const verificationTactics = [
  'representativeness',
  'researcher-effects',
  'triangulating',
  'weighting-evidence',
  'outliers',
  'extreme-cases',
  'surprises',
  'negative-evidence',
  'if-then-tests',
  'spurious-relations',
  'replicating',
  'rival-explanations',
  'informant-feedback',
] as const;
export type VerificationTactic = (typeof verificationTactics)[number];

export const tacticLabels: Record<VerificationTactic, { name: string; question: string }> = {
  representativeness: { name: 'Checking for representativeness', question: 'Do the cases and informants behind this finding stand for the whole, or only the accessible and articulate?' },
  'researcher-effects': { name: 'Checking for researcher effects', question: 'Could my presence or my questions have produced what I saw?' },
  triangulating: { name: 'Triangulating', question: 'Do different sources, methods or researchers agree?' },
  'weighting-evidence': { name: 'Weighting the evidence', question: 'Is the evidence strong: seen first-hand, repeated, from informants in a position to know?' },
  outliers: { name: 'Checking the meaning of outliers', question: 'What do the exceptions say about the rule?' },
  'extreme-cases': { name: 'Using extreme cases', question: 'Does the finding hold where it is least (or most) expected to?' },
  surprises: { name: 'Following up surprises', question: 'What did I not expect, and what does it change?' },
  'negative-evidence': { name: 'Looking for negative evidence', question: 'Have I searched for data that contradict the finding?' },
  'if-then-tests': { name: 'Making if-then tests', question: 'If the finding is true, what else must be true — and is it?' },
  'spurious-relations': { name: 'Ruling out spurious relations', question: 'Could a third factor explain the link?' },
  replicating: { name: 'Replicating a finding', question: 'Does it hold in another case, site or data set?' },
  'rival-explanations': { name: 'Checking out rival explanations', question: 'Which other explanations fit the data, and why are they weaker?' },
  'informant-feedback': { name: 'Getting feedback from participants', question: 'Do the people studied recognise the finding?' },
};
