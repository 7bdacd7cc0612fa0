/** `gradtex construct` as plain text: tables a student can follow line by line. */
import type { Rational } from '../expr/rational.js';
import { pointText } from '../finite/exhaustion.js';
import { ratText } from '../finite/rational-text.js';
import { evaluateNetwork, outputUnit } from '../finite/threshold-network.js';
import type { CertificateSection, ConstructionSection, ConstructReport, Section } from './construct-report.js';
import type { KlCounterexample, LogCombination } from './kl-counterexample.js';
import { unitText } from './network-text.js';
import type { RowInequality } from './separation-certificate.js';

function columns(rows: readonly (readonly string[])[]): string[] {
  const widths = rows.reduce<number[]>((w, r) => r.map((c, i) => Math.max(w[i] ?? 0, [...c].length)), []);
  return rows.map((r) => r.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - [...c].length)).join('  ').trimEnd());
}

function constructionText(s: ConstructionSection): string[] {
  const net = s.network;
  const out = outputUnit(net).name;
  const header = [...net.inputs, ...net.units.map((u) => u.name), 'target', ''];
  const rows = s.domain.points.map((p, i) => {
    const v = evaluateNetwork(net, p);
    const target = s.targets[i] as Rational;
    const got = v.get(out) as Rational;
    return [...p.map(ratText), ...net.units.map((u) => ratText(v.get(u.name) as Rational)), ratText(target), got.n * target.d === target.n * got.d ? 'ok' : 'WRONG'];
  });
  const letters = s.symbolic === undefined ? [] : ['In the letters of the problem:', ...s.symbolic.lines.map((l) => `  ${l}`), s.symbolic.note];
  const meaning = new Map(s.meanings ?? []);
  const said = (name: string): string => (meaning.has(name) ? `    (${meaning.get(name)})` : '');
  return [`${s.heading}:`, ...net.units.map((u) => `  ${unitText(u)}${said(u.name)}`), ...letters, 'Every case, exactly:', ...columns([header, ...rows]).map((l) => `  ${l}`), s.verdict.text];
}

/** The unknowns of a unit over the table's inputs: w_A, w_B, …, b. */
export const certificateUnknowns = (names: readonly string[]): string[] => [...names.map((n) => `w_${n}`), 'b'];

/** inequalityText({ coef: [0n, 1n, 1n], strict: true }, ['w_A', 'w_B', 'b']) -> 'w_B + b > 0' (LaTeX: symbols { ge: '\\ge', times: ' ' }) */
export function inequalityText(r: RowInequality, unknowns: readonly string[], symbols = { ge: '≥', times: '*' }): string {
  const terms = r.coef.flatMap((c, k) => (c === 0n ? [] : [{ c, v: unknowns[k] as string }]));
  const body = terms.map((t, i) => `${t.c < 0n ? (i === 0 ? '-' : '- ') : i === 0 ? '' : '+ '}${t.c === 1n || t.c === -1n ? '' : `${t.c < 0n ? -t.c : t.c}${symbols.times}`}${t.v}`).join(' ');
  return `${body || '0'} ${r.strict ? '>' : symbols.ge} 0`;
}

function certificateText(s: CertificateSection): string[] {
  const unknowns = certificateUnknowns(s.table.names);
  const lhs = (r: RowInequality): string => inequalityText(r, unknowns).replace(/ [>≥] 0$/, '');
  const lines = [`No single unit: step(${s.table.names.map((n) => `w_${n}*${n}`).join(' + ')} + b) computes the table only if every row holds:`];
  s.table.rows.forEach((row, i) => {
    const r = s.inequalities[i] as RowInequality;
    // A 0-row is stated as the unit must not fire, then turned around so every row reads "… ≥ 0" or "… > 0".
    const natural = row.output === 1 ? '' : `${inequalityText({ coef: r.coef.map((c) => -c), strict: false }, unknowns).replace(/ ≥ 0$/, r.strict ? ' < 0' : ' ≤ 0')}, i.e. `;
    lines.push(`  ${pointText(s.table.names, row.input)} -> ${row.output}:  ${natural}${inequalityText(r, unknowns)}`);
  });
  const used = s.inequalities.map((r, i) => ({ r, l: s.multipliers[i] as bigint })).filter((t) => t.l > 0n);
  lines.push(`Add the rows with the multipliers ${s.multipliers.join(', ')} (all ≥ 0):`);
  lines.push(`  ${used.map((t) => `${t.l}*(${lhs(t.r)})`).join(' + ')} = ${s.sum.every((c) => c === 0n) ? '0' : s.sum.join(', ')}`);
  lines.push(
    s.valid
      ? '  A strict inequality has a positive multiplier, so the sum of the left sides must be > 0; it is 0: 0 > 0 is impossible, so no weights and bias exist.'
      : '  The combination does not check: the certificate is wrong (an internal error).',
  );
  if (s.bothConventions) lines.push('  The same multipliers rule out the other step convention too.');
  return lines;
}

const logText = (c: LogCombination): string => `${c.terms.map((t) => `${ratText(t.c)}*ln(${ratText(t.r)})`).join(' + ')} = (1/${c.scale})*ln(${ratText(c.argument)}) ≈ ${c.approx.toPrecision(10)}`;

function klText(r: KlCounterexample): string[] {
  const s = r.common.scale;
  return [
    'KL(p, q) = Σ_i p_i ln(p_i / q_i)',
    `p = (${r.p.map(ratText).join(', ')}), q = (${r.q.map(ratText).join(', ')})`,
    `  KL(p, q) = ${logText(r.pq)}`,
    `  KL(q, p) = ${logText(r.qp)}`,
    `  ${s}*KL(p, q) = ln(${ratText(r.common.left)}) and ${s}*KL(q, p) = ln(${ratText(r.common.right)})`,
    r.differ
      ? `  ${ratText(r.common.left)} ≠ ${ratText(r.common.right)} (${r.common.left.n}*${r.common.right.d} = ${r.common.left.n * r.common.right.d}, ${r.common.right.n}*${r.common.left.d} = ${r.common.right.n * r.common.left.d}) and ln is one-to-one, so KL(p, q) ≠ KL(q, p).`
      : `  the two are equal: KL(p, q) = KL(q, p) at this p and q.`,
  ];
}

function sectionText(s: Section): string[] {
  switch (s.kind) {
    case 'table':
      return [`Truth table of ${s.table.title}:`, ...columns([[...s.table.names, s.table.names.includes('y') ? 'out' : 'y'], ...s.table.rows.map((r) => [...r.input.map(ratText), `${r.output}`])]).map((l) => `  ${l}`)];
    case 'construction':
      return constructionText(s);
    case 'certificate':
      return certificateText(s);
    case 'note':
      return [s.text];
    case 'kl':
      return klText(s.result);
    case 'claim':
      return [
        `Claim: ${s.claim}, for ${s.domain.description}`,
        ...(s.rows.length === 0 ? [] : ['Every case, exactly:', ...columns([[...s.domain.names, 'left', 'right'], ...s.rows.map((r) => [...r.point.map(ratText), r.left, r.right])]).map((l) => `  ${l}`)]),
        s.verdict.text,
      ];
  }
}

/** The whole report, a blank line between sections. */
export function constructText(r: ConstructReport): string {
  const head = [r.title, ...(r.convention === undefined ? [] : [`(${r.convention})`])].join('\n');
  return [head, ...r.sections.map((s) => sectionText(s).join('\n')), `${r.status}: ${r.summary}`].join('\n\n') + '\n';
}
