import { makeStyles } from '@fluentui/react-components';

// A Fluent Input keeps its own minimum width; in a 200 px pane it would push the whole tab
// sideways, so every free-text and date field shrinks to the width it is given.
export const useFitStyles = makeStyles({
  field: { minWidth: 0, width: '100%' },
});
