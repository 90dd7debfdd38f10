// The reason and case reference the law asks for before personal data is looked at. Asked in a
// dialog before a search, a read or an image is opened; kept in memory for this page's life so
// that the next action of the same enquiry can reuse it (the dialog shows it for confirmation).
import { h, field } from './dom.js';
import { register, t } from './i18n.js';

register({
  en: { 'purpose.title': 'Why do you need this?', 'purpose.reason': 'Reason', 'purpose.case': 'Case reference',
    'purpose.hint': 'Recorded in the audit trail with your name.', 'purpose.ok': 'Continue', 'purpose.cancel': 'Cancel',
    'purpose.short': 'Give a reason of at least 5 characters and a case reference.' },
  fr: { 'purpose.title': 'Pourquoi en avez-vous besoin ?', 'purpose.reason': 'Motif', 'purpose.case': 'Référence du dossier',
    'purpose.hint': 'Enregistré dans le journal d\u2019audit avec votre nom.', 'purpose.ok': 'Continuer', 'purpose.cancel': 'Annuler',
    'purpose.short': 'Indiquez un motif d\u2019au moins 5 caractères et une référence de dossier.' },
  nl: { 'purpose.title': 'Waarom heeft u dit nodig?', 'purpose.reason': 'Reden', 'purpose.case': 'Dossierreferentie',
    'purpose.hint': 'Wordt met uw naam in het auditlogboek opgenomen.', 'purpose.ok': 'Doorgaan', 'purpose.cancel': 'Annuleren',
    'purpose.short': 'Geef een reden van minstens 5 tekens en een dossierreferentie.' },
});

let last = null;

/** Resolves to {reason, case} or null when cancelled. */
export function askPurpose() {
  return new Promise((resolve) => {
    const reason = h('input', { name: 'reason', required: true, minlength: 5, maxlength: 500, value: last ? last.reason : '' });
    const caseRef = h('input', { name: 'case', required: true, maxlength: 100, value: last ? last.case : '' });
    const error = h('p', { class: 'notice error', role: 'alert', hidden: true });
    const dialog = h('dialog', { class: 'purpose', 'aria-labelledby': 'purpose-title' });
    const finish = (value) => {
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    const form = h('form', {
      method: 'dialog',
      onsubmit: (e) => {
        e.preventDefault();
        if (reason.value.trim().length < 5 || !caseRef.value.trim()) {
          error.textContent = t('purpose.short');
          error.hidden = false;
          return;
        }
        last = { reason: reason.value.trim(), case: caseRef.value.trim() };
        finish(last);
      },
    },
    h('h2', { id: 'purpose-title' }, t('purpose.title')),
    field(t('purpose.reason'), reason),
    field(t('purpose.case'), caseRef),
    h('small', { class: 'hint' }, t('purpose.hint')),
    error,
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, t('purpose.ok')),
      h('button', { type: 'button', onclick: () => finish(null) }, t('purpose.cancel'))));
    dialog.append(form);
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      finish(null);
    });
    document.body.append(dialog);
    dialog.showModal();
    reason.focus();
  });
}

/** The purpose given last in this page, if any (for image links of results already shown). */
export function lastPurpose() {
  return last;
}
