// The pane's sentences in English read as English (stranger's defect 13: "Made 1 forms").
import { RETURNS_STRINGS } from '../../src/taskpane/returnsStrings';
import { REGISTER_STRINGS } from '../../src/taskpane/registerStrings';

describe('English counts', () => {
  it('says one form, and forms', () => {
    expect(RETURNS_STRINGS.en.formsReady(1)).toBe('Made 1 form.');
    expect(RETURNS_STRINGS.en.formsReady(3)).toBe('Made 3 forms.');
    expect(REGISTER_STRINGS.en.issued(1, '报送登记')).toBe('Made 1 form, recorded in 报送登记.');
    expect(REGISTER_STRINGS.en.issued(2, '报送登记')).toBe('Made 2 forms, recorded in 报送登记.');
  });
});
