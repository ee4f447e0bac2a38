import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClockHour4, IconInfoCircle, IconPlus, IconPointer } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DOSSIER_STATE_LABELS } from '../../../../domain/evaluation/dossier-workflow.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { QueryView } from '../../../components/QueryView.js';
import { Stars } from '../../../components/Stars.js';
import { formatDate } from '../../../lib/format.js';
import { useLabel } from '../../../lib/i18n/index.js';
import { useCurrentUser } from '../../../lib/session.js';
import { useProducerHome, type ProducerHomeData } from '../api/home.js';

type Product = ProducerHomeData['products'][number];
type Tone = Product['nextStep']['tone'];

const TONE: Record<Tone, { color: string; icon: typeof IconInfoCircle }> = {
  act: { color: 'blue', icon: IconPointer },
  warn: { color: 'orange', icon: IconAlertTriangle },
  wait: { color: 'gray', icon: IconClockHour4 },
  info: { color: 'teal', icon: IconCircleCheck },
};
const STANDING_COLOR = { valid: 'teal', falling_due: 'yellow', expired: 'gray' } as const;

function ProductCard({ product }: { product: Product }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { certificate, dossier, nextStep } = product;
  const tone = TONE[nextStep.tone];
  const Icon = tone.icon;
  return (
    <Card withBorder radius="md" padding="md" data-testid="home-product" data-product={product.name} data-next={nextStep.code}>
      <Stack gap="sm">
        <div>
          <Anchor component={Link} to={`/products/${product.id}`} fw={600} size="lg" style={{ overflowWrap: 'anywhere' }}>
            {product.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            {t('home.producer.code')}: {product.ocopCode}
          </Text>
        </div>

        {certificate ? (
          <Stack gap={4}>
            <Group gap="xs" wrap="wrap">
              <Stars count={certificate.star} />
              <Badge color={STANDING_COLOR[certificate.standing]} variant="light" data-testid="certificate-standing" data-standing={certificate.standing}>
                {t(`home.producer.standing.${certificate.standing}`)}
              </Badge>
            </Group>
            <Text size="sm">
              <Anchor component={Link} to={`/certificates/${certificate.id}`} size="sm">
                {t('home.producer.certificateNumber', { number: certificate.number })}
              </Anchor>
              {' · '}
              {t('home.producer.expires', { date: formatDate(certificate.expiresOn) })}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('home.producer.noCertificate')}
          </Text>
        )}

        <Group gap="xs" wrap="wrap">
          <Text size="sm" c="dimmed">
            {t('home.producer.dossier')}:
          </Text>
          {dossier ? (
            <>
              <Badge variant="outline" color="gray" data-testid="dossier-state" data-state={dossier.state}>
                {label(DOSSIER_STATE_LABELS[dossier.state])}
              </Badge>
              <Anchor component={Link} to={`/dossiers/${dossier.id}`} size="sm">
                {t('home.producer.openDossier')}
              </Anchor>
            </>
          ) : (
            <Text size="sm">{t('home.producer.noDossier')}</Text>
          )}
        </Group>

        <Alert color={tone.color} variant="light" icon={<Icon size={20} aria-hidden />} title={t('home.producer.nextStep')} data-testid="next-step" p="sm">
          <Text size="sm" fw={nextStep.tone === 'act' || nextStep.tone === 'warn' ? 600 : 400}>
            {label(nextStep.message)}
          </Text>
        </Alert>
      </Stack>
    </Card>
  );
}

export function ProducerHomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const home = useProducerHome();
  return (
    <>
      <PageHeader
        title={t('home.welcome', { name: user.fullName })}
        description={home.data ? t('home.producer.intro', { subject: home.data.subject.name }) : undefined}
        actions={
          <Button component={Link} to="/products/new" variant="light" leftSection={<IconPlus size={16} aria-hidden />}>
            {t('home.producer.addProduct')}
          </Button>
        }
      />
      <QueryView
        query={home}
        isEmpty={(data) => data.products.length === 0}
        empty={
          <Alert icon={<IconInfoCircle aria-hidden />} color="blue">
            {t('home.producer.empty')}
          </Alert>
        }
      >
        {(data) => {
          const todo = data.products.filter((p) => p.nextStep.tone === 'act' || p.nextStep.tone === 'warn').length;
          return (
            <Stack gap="md">
              <Group justify="space-between" wrap="wrap">
                <Title order={2} fz="lg">
                  {t('home.producer.products')}
                </Title>
                <Badge size="lg" color={todo ? 'blue' : 'teal'} variant="light" data-testid="todo-count">
                  {todo ? t('home.producer.todo', { count: todo }) : t('home.producer.allClear')}
                </Badge>
              </Group>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                {data.products.map((p) => (
                  <ProductCard key={p.id} product={p} />
                ))}
              </SimpleGrid>
            </Stack>
          );
        }}
      </QueryView>
    </>
  );
}
