// The task pane's entry: mount the app once Office is ready; outside Office, say so in one
// line and point to the preview page instead of showing a blank page.
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { officeHost } from './officeHost';

declare const APP_VERSION: string;

function showOutsideOffice(): void {
  const note = document.getElementById('outside');
  if (note) note.style.display = 'block';
}

if (typeof Office === 'undefined') {
  showOutsideOffice();
} else {
  void Office.onReady((info) => {
    if (!info.host) {
      showOutsideOffice();
      return;
    }
    const root = document.getElementById('root');
    if (root) createRoot(root).render(<App host={officeHost()} version={APP_VERSION} />);
  });
}
