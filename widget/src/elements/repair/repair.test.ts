import { formSuite } from '../../testing/suite.js';
import { inDays } from '../../testing/driver.js';
import { choose, type, typeDate } from '../../testing/keyboard.js';
import './index.js';

const description = 'De wasmachine lekt water tijdens het centrifugeren.';

describe('<aftercare-repair kind="repair">', () => {
  formSuite({
    tag: 'aftercare-repair',
    kind: 'repair',
    details: { 'details.description': description },
    keyboardDetails: (el) => type(el, 'details.description', description),
    requiredDetail: 'details.description',
  });
});

describe('<aftercare-repair kind="installation">', () => {
  formSuite({
    tag: 'aftercare-repair',
    attrs: { kind: 'installation' },
    kind: 'installation',
    details: { 'details.description': 'Inbouwoven plaatsen in de keuken.', 'details.visitWindows.0.date': inDays(7), 'details.visitWindows.0.part': 'morning' },
    keyboardDetails: async (el) => {
      await type(el, 'details.description', 'Inbouwoven plaatsen in de keuken.');
      await typeDate(el, 'details.visitWindows.0.date', inDays(7));
      await choose(el, 'details.visitWindows.0.part', 'Och');
    },
    requiredDetail: 'details.description',
  });
});

describe('<aftercare-repair kind="complaint">', () => {
  formSuite({
    tag: 'aftercare-repair',
    attrs: { kind: 'complaint' },
    kind: 'complaint',
    details: { 'details.description': 'De monteur kwam twee keer niet opdagen.' },
    keyboardDetails: (el) => type(el, 'details.description', 'De monteur kwam twee keer niet opdagen.'),
    requiredDetail: 'details.description',
  });
});
