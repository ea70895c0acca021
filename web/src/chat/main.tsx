import { createRoot } from 'react-dom/client';
import { readPageMode } from './chatConfig';
import { EmbeddedChat } from './EmbeddedChat';
import { HelpCentrePage } from './HelpCentrePage';
import './chat.css';

const mode = readPageMode(window.location.search);
const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
if (mode.embed) document.documentElement.classList.add('nw-embed');

// No <StrictMode>: in development it mounts Web Chat twice, and Web Chat 4.18 unsubscribes the
// first DirectLineJS start mid-request; the second subscription then never starts the
// conversation (DirectLineJS is already "Connecting"). Production builds are unaffected either way.
createRoot(container).render(mode.embed ? <EmbeddedChat userName={mode.userName} /> : <HelpCentrePage />);
