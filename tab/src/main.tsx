import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme, Title2, Body1 } from '@fluentui/react-components';

function App() {
  return (
    <FluentProvider theme={webLightTheme}>
      <main>
        <Title2 as="h1">ASB Panels</Title2>
        <Body1>Referrals, panel agendas and actions for the community safety partnership.</Body1>
      </main>
    </FluentProvider>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
