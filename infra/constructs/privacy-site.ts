import { createHash } from 'node:crypto';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  Distribution,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { privacyPageKey } from '../privacy-page.js';

/** The AWS Solutions checks the privacy page's distribution does not meet, and why that is right here. */
export const privacySiteAcknowledgements = [
  {
    id: 'AwsSolutions-CFR1',
    reason:
      'A privacy policy must be readable from anywhere: Amazon reviews skills from outside NL and BE, and users travel.',
  },
  {
    id: 'AwsSolutions-CFR2',
    reason:
      'One static, public, read-only page with no input to attack; a CloudFront web ACL must live in us-east-1, outside this stack, and would cost more than the page.',
  },
  {
    id: 'AwsSolutions-CFR4',
    reason:
      'The page uses the cloudfront.net domain and its default certificate, which cannot set a minimum TLS version; a custom domain with its own certificate could, and is a publishing choice.',
  },
] as const;

export interface PrivacySiteProps {
  /** The page as served (infra/privacy-page.ts fills in the contact line). */
  readonly html: string;
  /**
   * Days the CloudFront and S3 access logs are kept.
   * @default 30
   */
  readonly accessLogDays?: number;
}

/**
 * The privacy policy as a web page: one object in a private bucket, served only through CloudFront
 * (origin access control), over HTTPS, with the security headers CloudFront manages. Its URL goes into
 * the skill manifest's privacyPolicyUrl.
 */
export class PrivacySite extends Construct {
  readonly url: string;
  readonly distribution: Distribution;
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: PrivacySiteProps) {
    super(scope, id);
    const accessLogDays = props.accessLogDays ?? 30;

    // CloudFront's standard logs are written with ACLs, so this bucket keeps object ownership by writer.
    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(accessLogDays) }],
      // Buckets with objects cannot be deleted by CloudFormation; they stay when the stack goes.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.bucket = new Bucket(this, 'Pages', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.distribution = new Distribution(this, 'Cdn', {
      comment: 'Rug Coach privacy policy',
      defaultRootObject: privacyPageKey,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Europe and North America: the users are in NL and BE; Amazon's reviewers may be anywhere.
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cdn/',
    });

    this.uploadPage(props.html);
    this.url = `https://${this.distribution.distributionDomainName}/${privacyPageKey}`;

    // cdk-nag findings this page cannot close, each acknowledged with its reason (tests/infra pins the list).
    for (const acknowledged of privacySiteAcknowledgements) {
      Validations.of(this.distribution).acknowledge(acknowledged);
    }
  }

  /**
   * Puts the page into the bucket at deploy time (an S3 PutObject call from a custom resource): no
   * bucket-deployment Lambda with its managed policy and wildcard grants, one object, one permission.
   */
  private uploadPage(html: string): void {
    const logGroup = new LogGroup(this, 'UploadLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new Role(this, 'UploadRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Puts the Rug Coach privacy page into its bucket; writes its own log group',
    });
    logGroup.grantWrite(role);
    const put = {
      service: 'S3',
      action: 'putObject',
      parameters: {
        Bucket: this.bucket.bucketName,
        Key: privacyPageKey,
        Body: html,
        ContentType: 'text/html; charset=utf-8',
        CacheControl: 'max-age=300',
      },
      // A new version of the page is a new physical id, so CloudFormation updates it.
      physicalResourceId: PhysicalResourceId.of(createHash('sha256').update(html).digest('hex').slice(0, 16)),
    };
    new AwsCustomResource(this, 'Upload', {
      onCreate: put,
      onUpdate: put,
      role,
      logGroup,
      installLatestAwsSdk: false,
      timeout: Duration.minutes(2),
      policy: AwsCustomResourcePolicy.fromStatements([
        new PolicyStatement({
          actions: ['s3:PutObject'],
          resources: [this.bucket.arnForObjects(privacyPageKey)],
        }),
      ]),
    });
  }
}
