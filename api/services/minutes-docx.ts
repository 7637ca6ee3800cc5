// Minutes as a Word document (docx library): the restricted marking in every page's header and
// footer, DRAFT until the chair approves, then the record in the order the panel met.
import { Document, Footer, Header, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { formatLongDate } from '../domain/agenda/calendar-date';
import type { MinutesContent } from '../domain/minutes/draft';

export interface MinutesDocument {
  content: MinutesContent;
  approved: { by: string; on: string } | null;
}

const marking = (text: string) => new Paragraph({ children: [new TextRun({ text, bold: true, color: 'C00000' })] });
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2) =>
  new Paragraph({ text, heading: level });
const para = (text: string) => new Paragraph({ text });
const bullets = (lines: readonly string[], none: string) =>
  lines.length === 0 ? [para(none)] : lines.map((line) => new Paragraph({ text: line, bullet: { level: 0 } }));

export async function minutesDocx({ content, approved }: MinutesDocument): Promise<Buffer> {
  const status = approved ? `Approved by ${approved.by} on ${formatLongDate(approved.on)}.` : 'DRAFT: not yet approved by the chair.';
  const children: Paragraph[] = [
    heading(content.title, HeadingLevel.TITLE),
    para(status),
    heading('Present'),
    ...bullets(content.present, 'No attendance recorded.'),
    heading('Apologies'),
    ...bullets(content.apologies, 'None.'),
    ...(content.absent.length > 0 ? [heading('Absent'), ...bullets(content.absent, 'None.')] : []),
    heading('Review of actions from previous meetings'),
    ...bullets(content.actionReview, 'No actions were due for review.'),
  ];
  for (const item of content.cases) {
    children.push(
      heading(item.heading),
      new Paragraph({ children: [new TextRun({ text: 'Why on the agenda: ', bold: true }), new TextRun(item.why)] }),
      new Paragraph({ children: [new TextRun({ text: 'Decisions: ', bold: true }), new TextRun(item.decisions)] }),
      new Paragraph({ children: [new TextRun({ text: 'Outcome: ', bold: true }), new TextRun(item.outcome)] }),
      new Paragraph({ children: [new TextRun({ text: 'Actions agreed', bold: true })] }),
      ...bullets(item.actions, 'None.'),
    );
  }
  if (content.notHeard.length > 0) children.push(heading('Not heard at this meeting'), ...bullets(content.notHeard, 'None.'));
  const document = new Document({
    creator: 'ASB Panels',
    title: content.title,
    description: content.marking,
    sections: [
      {
        headers: { default: new Header({ children: [marking(content.marking)] }) },
        footers: { default: new Footer({ children: [marking(content.marking)] }) },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
