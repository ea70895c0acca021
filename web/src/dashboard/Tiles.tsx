import { formatMs, formatPercent, formatSeconds } from './figures';
import { Tile } from './Tile';
import type { Summary } from './types';

/** The headline figures: bot on the first row, people on the second. */
export function Tiles({ summary }: { summary: Summary }) {
  const p = summary.previous;
  const c = summary.conversations;
  const bot = summary.bot;
  const human = summary.human;
  return (
    <>
      <h2>Bot</h2>
      <section className="tiles">
        <Tile title="Conversations" value={String(c.total)} current={c.total} previous={p?.conversations.total} />
        <Tile title="Automated resolution" value={formatPercent(c.automationRate)} current={c.automationRate} previous={p?.conversations.automationRate}
          note={`${c.automatedConfirmed} confirmed · ${c.automatedAssumed} assumed`} />
        <Tile title="Escalation rate" value={formatPercent(c.escalationRate)} current={c.escalationRate} previous={p?.conversations.escalationRate} higherIsBetter={false} />
        <Tile title="Thumbs up" value={formatPercent(bot.thumbsUpRatio)} current={bot.thumbsUpRatio} previous={p?.bot.thumbsUpRatio}
          note={`${bot.thumbsUp} 👍 · ${bot.thumbsDown} 👎`} />
        <Tile title="First response p50" value={formatMs(bot.firstResponseMs.p50)} current={bot.firstResponseMs.p50} previous={p?.bot.firstResponseMs.p50} higherIsBetter={false} />
        <Tile title="Answer latency p95" value={formatMs(bot.latencyMs.total?.p95)} current={bot.latencyMs.total?.p95} previous={p?.bot.latencyMs.total?.p95} higherIsBetter={false} />
      </section>
      <h2>People</h2>
      <section className="tiles">
        <Tile title="Handoffs" value={String(human.handoffs)} current={human.handoffs} previous={p?.human.handoffs} higherIsBetter={false}
          note={`${human.queued} queued · ${human.resolved} resolved`} />
        <Tile title="Assisted" value={String(c.assisted)} current={c.assisted} previous={p?.conversations.assisted} />
        <Tile title="Wait p50" value={formatSeconds(human.waitSeconds.p50)} current={human.waitSeconds.p50} previous={p?.human.waitSeconds.p50} higherIsBetter={false} />
        <Tile title="Handling p50" value={formatSeconds(human.handlingSeconds.p50)} current={human.handlingSeconds.p50} previous={p?.human.handlingSeconds.p50} higherIsBetter={false} />
        <Tile title="Satisfaction" value={human.satisfactionScore === undefined ? '–' : `${human.satisfactionScore.toFixed(1)} / 5`}
          current={human.satisfactionScore} previous={p?.human.satisfactionScore} note={`${human.satisfactionResponses} cards`} />
        <Tile title="Corrections" value={String(summary.learning.corrections)} current={summary.learning.corrections} previous={p?.learning.corrections}
          note={`learned answers used ${summary.learning.learnedAnswersUsed}`} />
      </section>
    </>
  );
}
