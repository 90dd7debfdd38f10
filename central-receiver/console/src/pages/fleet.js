// Placeholder until this page is built.
import { h } from '../dom.js';
import { register, t } from '../i18n.js';

register({ en: { 'nav.fleet': 'fleet' }, fr: { 'nav.fleet': 'fleet' }, nl: { 'nav.fleet': 'fleet' } });

export default {
  id: 'fleet',
  label: 'nav.fleet',
  roles: [],
  render(main) {
    main.append(h('h2', {}, t('nav.fleet')));
  },
};
