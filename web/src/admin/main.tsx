import { createRoot } from 'react-dom/client';
import { App } from './App';
import '../dashboard/dashboard.css';
import './admin.css';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from admin/index.html');
createRoot(container).render(<App />);
